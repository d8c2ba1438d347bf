using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Paging of a query: page size (<see cref="Count"/>), 1-based <see cref="PageNumber"/> and the cookie of the previous page.</summary>
public sealed class PagingInfo : IExtensibleDataObject
{
    public PagingInfo()
    {
    }

    public int PageNumber { get; set; }

    public int Count { get; set; }

    public bool ReturnTotalRecordCount { get; set; }

    public string PagingCookie { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
