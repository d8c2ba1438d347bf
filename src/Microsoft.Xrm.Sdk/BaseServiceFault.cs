using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Base of the fault details carried by FaultException&lt;T&gt; from the organization service.</summary>
public abstract class BaseServiceFault : IExtensibleDataObject
{
    private ErrorDetailCollection _errorDetails = new ErrorDetailCollection();

    protected BaseServiceFault()
    {
        Timestamp = DateTime.UtcNow;
    }

    public string Message { get; set; }

    public int ErrorCode { get; set; }

    public string HelpLink { get; set; }

    public DateTime Timestamp { get; set; }

    public Guid ActivityId { get; set; }

    public ErrorDetailCollection ErrorDetails
    {
        get => _errorDetails;
        set => _errorDetails = value;
    }

    public ExtensionDataObject ExtensionData { get; set; }
}
