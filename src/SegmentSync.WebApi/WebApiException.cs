using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.WebApi;

/// <summary>An error the Web API answers with <c>{"error":{"code":"0x...","message":"..."}}</c> and an HTTP status.</summary>
public sealed class WebApiException(int status, int errorCode, string message) : Exception(message)
{
    /// <summary>0x80060888: a request the OData layer cannot parse or does not support.</summary>
    public const int ODataError = unchecked((int)0x80060888);

    /// <summary>0x8006088a: the URL names no entity set, action or function.</summary>
    public const int ResourceNotFound = unchecked((int)0x8006088a);

    /// <summary>0x80072322: the number of requests exceeded the service protection limit.</summary>
    public const int RequestsLimit = unchecked((int)0x80072322);

    /// <summary>0x80072326: the number of concurrent requests exceeded the service protection limit.</summary>
    public const int ConcurrencyLimit = unchecked((int)0x80072326);

    /// <summary>0x80040220: the caller is not authenticated.</summary>
    public const int Unauthorized = unchecked((int)0x80040220);

    public int Status { get; } = status;

    public int ErrorCode { get; } = errorCode;

    public static WebApiException BadRequest(string message) => new(400, ODataError, message);

    public static string Hex(int code) => "0x" + unchecked((uint)code).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The status Dataverse's Web API answers a fault with.</summary>
    public static WebApiException FromFault(FaultException<OrganizationServiceFault> fault)
    {
        var code = fault.Detail?.ErrorCode ?? 0;
        var status = unchecked((uint)code) switch
        {
            0x80040217 => 404, // object does not exist
            0x80040237 or 0x80060892 => 412, // duplicate record / duplicate key
            0x80040220 => 403, // the caller lacks a privilege
            0x80040224 or 0x80040216 => 500, // unexpected plug-in exception, unexpected error
            0x8004_4151 => 500, // SQL timeout (transient)
            _ => 400,
        };
        return new WebApiException(status, code, fault.Detail?.Message ?? fault.Message);
    }
}
