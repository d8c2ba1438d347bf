using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// A QueryExpression resolved against the metadata: the primary table, the link tree with aliases, and a way to
/// find which table and column an (entity name or alias, attribute) pair means.
/// </summary>
internal sealed class QueryPlan
{
    private readonly Dictionary<string, LinkNode> _byAlias = new(StringComparer.Ordinal);
    private readonly MetadataRegistry _metadata;
    private readonly Dictionary<string, int> _aliasCounters = new(StringComparer.Ordinal);

    public QueryPlan(QueryExpression query, MetadataRegistry metadata)
    {
        _metadata = metadata;
        Query = query;
        if (string.IsNullOrEmpty(query.EntityName)) throw DataverseFault.InvalidArgument("The query has no EntityName.");
        Table = metadata.Table(query.EntityName);
        foreach (var link in query.LinkEntities) Links.Add(Resolve(link, null, Table));
    }

    public QueryExpression Query { get; }

    public TableDefinition Table { get; }

    public List<LinkNode> Links { get; } = new();

    public IEnumerable<LinkNode> AllLinks => _byAlias.Values;

    /// <summary>
    /// The alias (null = primary) and column an attribute reference means. <paramref name="entityName"/> is a
    /// condition's or order's EntityName; <paramref name="defaultAlias"/> applies when it is empty (inside a link's criteria).
    /// </summary>
    public (string? Alias, TableDefinition Table, ColumnDefinition Column) Attribute(string? entityName, string attribute, string? defaultAlias)
    {
        var alias = string.IsNullOrEmpty(entityName) ? defaultAlias : AliasOf(entityName);
        var table = alias is null ? Table : _byAlias[alias].Table;
        var column = table.Column(attribute) ?? throw DataverseFault.UnknownAttribute(table.LogicalName, attribute);
        return (alias, table, column);
    }

    private string? AliasOf(string entityName)
    {
        if (_byAlias.ContainsKey(entityName)) return entityName;
        if (entityName == Table.LogicalName) return null;
        var byName = _byAlias.Values.Where(l => l.Table.LogicalName == entityName).ToList();
        if (byName.Count == 1) return byName[0].Alias;
        throw DataverseFault.Create(ErrorCodes.QueryBuilderNoAttribute, $"No link-entity with the alias or name '{entityName}' in the query.");
    }

    private LinkNode Resolve(LinkEntity link, string? parentAlias, TableDefinition parent)
    {
        if (string.IsNullOrEmpty(link.LinkToEntityName)) throw DataverseFault.InvalidArgument("A link-entity has no LinkToEntityName.");
        var table = _metadata.Table(link.LinkToEntityName);
        var from = parent.Column(link.LinkFromAttributeName) ?? throw DataverseFault.UnknownAttribute(parent.LogicalName, link.LinkFromAttributeName);
        var to = table.Column(link.LinkToAttributeName) ?? throw DataverseFault.UnknownAttribute(table.LogicalName, link.LinkToAttributeName);
        if (link.JoinOperator is not (JoinOperator.Inner or JoinOperator.LeftOuter or JoinOperator.Exists or JoinOperator.In or JoinOperator.Any or JoinOperator.NotAny))
            throw DataverseFault.NotSupported($"The emulator does not support the join operator {link.JoinOperator}.");
        var alias = string.IsNullOrEmpty(link.EntityAlias) ? NextAlias(table.LogicalName) : link.EntityAlias;
        if (!_byAlias.TryAdd(alias, null!)) throw DataverseFault.InvalidArgument($"The alias '{alias}' is used twice in the query.");
        var node = new LinkNode(link, alias, parentAlias, table, from, to);
        _byAlias[alias] = node;
        foreach (var child in link.LinkEntities) node.Children.Add(Resolve(child, alias, table));
        return node;
    }

    private string NextAlias(string entityName)
    {
        _aliasCounters.TryGetValue(entityName, out var n);
        _aliasCounters[entityName] = ++n;
        return entityName + n;
    }
}
