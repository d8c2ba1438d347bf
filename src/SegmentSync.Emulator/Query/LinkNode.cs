using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>A link-entity of a query, resolved against the metadata and given its alias.</summary>
internal sealed class LinkNode
{
    public LinkNode(LinkEntity link, string alias, string? parentAlias, TableDefinition table, ColumnDefinition from, ColumnDefinition to)
    {
        Link = link;
        Alias = alias;
        ParentAlias = parentAlias;
        Table = table;
        From = from;
        To = to;
    }

    public LinkEntity Link { get; }

    /// <summary>EntityAlias, or the generated one (&lt;entity&gt;&lt;n&gt;) when the query gives none.</summary>
    public string Alias { get; }

    /// <summary>The alias of the entity this link hangs off; null for the query's primary entity.</summary>
    public string? ParentAlias { get; }

    public TableDefinition Table { get; }

    /// <summary>LinkFromAttributeName, on the parent entity.</summary>
    public ColumnDefinition From { get; }

    /// <summary>LinkToAttributeName, on this link's entity.</summary>
    public ColumnDefinition To { get; }

    public List<LinkNode> Children { get; } = new();

    public JoinOperator Join => Link.JoinOperator;

    /// <summary>True for joins that only filter (exists, in, any, not any) and contribute no columns or rows.</summary>
    public bool IsSemiJoin => Join is JoinOperator.Exists or JoinOperator.In or JoinOperator.Any or JoinOperator.NotAny;
}
