using System;

namespace SegmentSync.Emulator;

/// <summary>
/// A relationship between two tables: 1:N (a lookup on the referencing table, with a cascade rule for deletes) or
/// N:N (an intersect table that Associate and Disassociate maintain).
/// </summary>
public sealed class RelationshipDefinition
{
    private RelationshipDefinition(string schemaName, bool isManyToMany)
    {
        if (string.IsNullOrWhiteSpace(schemaName)) throw new ArgumentException("A relationship needs a schema name.", nameof(schemaName));
        SchemaName = schemaName;
        IsManyToMany = isManyToMany;
    }

    /// <summary>The relationship's schema name, as passed in Relationship.SchemaName.</summary>
    public string SchemaName { get; }

    /// <summary>True for N:N.</summary>
    public bool IsManyToMany { get; }

    /// <summary>1:N: the table referenced by the lookup.</summary>
    public string ReferencedEntity { get; private init; } = string.Empty;

    /// <summary>1:N: the table that holds the lookup.</summary>
    public string ReferencingEntity { get; private init; } = string.Empty;

    /// <summary>1:N: the lookup column.</summary>
    public string ReferencingAttribute { get; private init; } = string.Empty;

    /// <summary>1:N: what deleting the referenced record does.</summary>
    public CascadeDelete CascadeDelete { get; private init; }

    /// <summary>N:N: the first table.</summary>
    public string Entity1 { get; private init; } = string.Empty;

    /// <summary>N:N: the second table.</summary>
    public string Entity2 { get; private init; } = string.Empty;

    /// <summary>N:N: the intersect table the emulator creates (queryable like any table).</summary>
    public string IntersectEntity { get; private init; } = string.Empty;

    /// <summary>N:N: the intersect column holding Entity1's id.</summary>
    public string Entity1IntersectAttribute { get; private init; } = string.Empty;

    /// <summary>N:N: the intersect column holding Entity2's id.</summary>
    public string Entity2IntersectAttribute { get; private init; } = string.Empty;

    /// <summary>A 1:N relationship: <paramref name="referencingEntity"/>.<paramref name="referencingAttribute"/> points to <paramref name="referencedEntity"/>.</summary>
    public static RelationshipDefinition OneToMany(
        string schemaName, string referencedEntity, string referencingEntity, string referencingAttribute, CascadeDelete cascadeDelete)
    {
        return new RelationshipDefinition(schemaName, false)
        {
            ReferencedEntity = referencedEntity,
            ReferencingEntity = referencingEntity,
            ReferencingAttribute = referencingAttribute,
            CascadeDelete = cascadeDelete,
        };
    }

    /// <summary>
    /// An N:N relationship stored in <paramref name="intersectEntity"/>, whose columns are &lt;entity1&gt;id and
    /// &lt;entity2&gt;id (&lt;entity&gt;idone and &lt;entity&gt;idtwo when a table relates to itself).
    /// </summary>
    public static RelationshipDefinition ManyToMany(string schemaName, string entity1, string entity2, string intersectEntity)
    {
        var self = string.Equals(entity1, entity2, StringComparison.Ordinal);
        return new RelationshipDefinition(schemaName, true)
        {
            Entity1 = entity1,
            Entity2 = entity2,
            IntersectEntity = intersectEntity,
            Entity1IntersectAttribute = self ? entity1 + "idone" : entity1 + "id",
            Entity2IntersectAttribute = self ? entity2 + "idtwo" : entity2 + "id",
        };
    }
}
