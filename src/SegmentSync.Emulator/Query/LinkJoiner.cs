using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// Expands primary rows through the query's link-entities: inner joins drop rows without a match, outer joins keep
/// them with an empty link, several matches multiply the row, and semi-joins (exists/in/any/not any) only filter.
/// Matching rows are found through the linked column's index, or a hash built once per query.
/// </summary>
internal sealed class LinkJoiner
{
    private readonly QueryPlan _plan;
    private readonly DataStore _store;
    private readonly FilterCompiler _filters;
    private readonly Dictionary<LinkNode, System.Func<JoinedRow, bool>> _criteria = new();
    private readonly Dictionary<LinkNode, Dictionary<object, List<Row>>> _hashes = new();

    public LinkJoiner(QueryPlan plan, DataStore store, FilterCompiler filters)
    {
        _plan = plan;
        _store = store;
        _filters = filters;
        foreach (var node in plan.AllLinks) _criteria[node] = filters.Compile(node.Link.LinkCriteria, node.Alias);
    }

    public IEnumerable<JoinedRow> Expand(Row primary)
    {
        IEnumerable<JoinedRow> rows = new[] { new JoinedRow(primary) };
        foreach (var node in _plan.Links) rows = rows.SelectMany(r => Expand(r, node)).ToList();
        return rows;
    }

    private IEnumerable<JoinedRow> Expand(JoinedRow row, LinkNode node)
    {
        var matches = new List<JoinedRow>();
        foreach (var candidate in Candidates(row, node))
        {
            var joined = row.With(node.Alias, candidate);
            if (!_criteria[node](joined)) continue;
            IEnumerable<JoinedRow> expanded = new[] { joined };
            foreach (var child in node.Children) expanded = expanded.SelectMany(r => Expand(r, child)).ToList();
            matches.AddRange(expanded);
        }

        return node.Join switch
        {
            JoinOperator.Inner => matches,
            JoinOperator.LeftOuter => matches.Count > 0 ? matches : new[] { WithEmpty(row, node) },
            JoinOperator.NotAny => matches.Count == 0 ? new[] { row } : System.Array.Empty<JoinedRow>(),
            _ => matches.Count > 0 ? new[] { row } : System.Array.Empty<JoinedRow>(),
        };
    }

    private static JoinedRow WithEmpty(JoinedRow row, LinkNode node)
    {
        var result = row.With(node.Alias, null);
        foreach (var child in node.Children) result = WithEmpty(result, child);
        return result;
    }

    private IEnumerable<Row> Candidates(JoinedRow row, LinkNode node)
    {
        var parentValue = RowValues.Comparable(row.RowOf(node.ParentAlias), node.From);
        if (parentValue is null) return System.Array.Empty<Row>();
        var key = IndexKey.Of(parentValue)!;
        var table = _store.For(node.Table.LogicalName);
        if (table.HasIndex(node.To))
        {
            return table.Find(node.To, key).Select(id => table.TryGet(id, out var r) ? r : null).OfType<Row>().ToList();
        }

        if (!_hashes.TryGetValue(node, out var hash))
        {
            hash = new Dictionary<object, List<Row>>();
            foreach (var candidate in table.Rows)
            {
                var value = IndexKey.Of(RowValues.Comparable(candidate, node.To));
                if (value is null) continue;
                if (!hash.TryGetValue(value, out var list)) hash[value] = list = new List<Row>();
                list.Add(candidate);
            }

            _hashes[node] = hash;
        }

        return hash.TryGetValue(key, out var found) ? found : System.Array.Empty<Row>();
    }
}
