namespace Microsoft.Xrm.Sdk;

/// <summary>Related records of an <see cref="Entity"/>, keyed by <see cref="Relationship"/>.</summary>
public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
{
    public RelatedEntityCollection()
    {
    }

    public override bool IsReadOnly => false;
}
