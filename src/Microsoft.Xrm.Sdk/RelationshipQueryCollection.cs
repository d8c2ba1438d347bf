using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk;

public sealed class RelationshipQueryCollection : DataCollection<Relationship, QueryBase>
{
    public RelationshipQueryCollection()
    {
    }
}
