using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The outcome of one request of an ExecuteMultipleRequest: its index and either a response or a fault.</summary>
public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
{
    public ExecuteMultipleResponseItem()
    {
    }

    public int RequestIndex { get; set; }

    public OrganizationResponse Response { get; set; }

    public OrganizationServiceFault Fault { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
