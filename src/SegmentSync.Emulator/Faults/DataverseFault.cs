using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// Builds the exception a caller of the real service receives: a FaultException whose Detail is an
/// OrganizationServiceFault carrying the error code and message.
/// </summary>
public static class DataverseFault
{
    /// <summary>A fault with <paramref name="errorCode"/> and <paramref name="message"/> (also the exception's Message).</summary>
    public static FaultException<OrganizationServiceFault> Create(int errorCode, string message, string? traceText = null)
    {
        return Wrap(Detail(errorCode, message, traceText));
    }

    /// <summary>Wraps an existing fault detail (for instance an ExecuteTransactionFault) as the real service does.</summary>
    public static FaultException<OrganizationServiceFault> Wrap(OrganizationServiceFault detail)
    {
        return new FaultException<OrganizationServiceFault>(detail, new FaultReason(detail.Message ?? string.Empty));
    }

    /// <summary>The fault detail alone, as ExecuteMultiple reports it per failed request.</summary>
    public static OrganizationServiceFault Detail(int errorCode, string message, string? traceText = null)
    {
        return new OrganizationServiceFault
        {
            ErrorCode = errorCode,
            Message = message,
            TraceText = traceText,
            Timestamp = DateTime.UtcNow,
            ActivityId = Guid.NewGuid(),
        };
    }

    /// <summary>"&lt;entity&gt; With Id = &lt;id&gt; Does Not Exist" (0x80040217).</summary>
    public static FaultException<OrganizationServiceFault> DoesNotExist(string entityName, Guid id)
    {
        return Create(ErrorCodes.ObjectDoesNotExist, $"{entityName} With Id = {id} Does Not Exist");
    }

    /// <summary>The fault for a record looked up by alternate key that does not exist (0x80040217).</summary>
    public static FaultException<OrganizationServiceFault> KeyDoesNotExist(string entityName)
    {
        return Create(ErrorCodes.ObjectDoesNotExist, $"A record with the specified key values does not exist in {entityName} entity");
    }

    /// <summary>"'x' entity doesn't contain attribute with Name = 'y'" (0x80041103).</summary>
    public static FaultException<OrganizationServiceFault> UnknownAttribute(string entityName, string attributeName)
    {
        return Create(
            ErrorCodes.QueryBuilderNoAttribute,
            $"'{entityName}' entity doesn't contain attribute with Name = '{attributeName}' and NameMapping = 'Logical'.");
    }

    /// <summary>The fault for an entity name that is not in the metadata (0x80041102).</summary>
    public static FaultException<OrganizationServiceFault> UnknownEntity(string entityName)
    {
        return Create(
            ErrorCodes.QueryBuilderNoEntity,
            $"The entity with a name = '{entityName}' with namemapping = 'Logical' was not found in the MetadataCache.");
    }

    /// <summary>An argument of the wrong type or shape (0x80040203).</summary>
    public static FaultException<OrganizationServiceFault> InvalidArgument(string message)
    {
        return Create(ErrorCodes.InvalidArgument, message);
    }

    /// <summary>An unsupported message or option (0x80040315).</summary>
    public static FaultException<OrganizationServiceFault> NotSupported(string message)
    {
        return Create(ErrorCodes.NotSupported, message);
    }
}
