using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Base of the queries accepted by RetrieveMultiple: QueryExpression, QueryByAttribute, FetchExpression.</summary>
public abstract class QueryBase : IExtensibleDataObject
{
    protected QueryBase()
    {
    }

    public ExtensionDataObject ExtensionData { get; set; }
}
