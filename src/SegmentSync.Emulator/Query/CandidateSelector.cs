using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// Picks the rows a query has to look at. An Equal or In condition on an indexed column of the primary entity,
/// reachable through And filters only, narrows the candidates to an index lookup (the smallest such set wins);
/// otherwise every row is a candidate. The full filter is still applied to each candidate afterwards.
/// </summary>
internal static class CandidateSelector
{
    public static IReadOnlyCollection<Row> Select(QueryPlan plan, TableStore store)
    {
        HashSet<System.Guid>? best = null;
        foreach (var condition in AndConditions(plan.Query.Criteria))
        {
            var ids = Lookup(plan, store, condition);
            if (ids is not null && (best is null || ids.Count < best.Count)) best = ids;
        }

        if (best is null) return store.Rows.ToList();
        var rows = new List<Row>(best.Count);
        foreach (var id in best)
        {
            if (store.TryGet(id, out var row)) rows.Add(row);
        }

        return rows;
    }

    private static IEnumerable<ConditionExpression> AndConditions(FilterExpression? filter)
    {
        if (filter is null) yield break;
        var single = filter.Conditions.Count + filter.Filters.Count == 1;
        if (filter.FilterOperator != LogicalOperator.And && !single) yield break;
        foreach (var condition in filter.Conditions) yield return condition;
        foreach (var child in filter.Filters)
        {
            foreach (var condition in AndConditions(child)) yield return condition;
        }
    }

    private static HashSet<System.Guid>? Lookup(QueryPlan plan, TableStore store, ConditionExpression condition)
    {
        if (condition.CompareColumns || condition.Operator is not (ConditionOperator.Equal or ConditionOperator.In)) return null;
        if (!string.IsNullOrEmpty(condition.EntityName) && condition.EntityName != plan.Table.LogicalName) return null;
        var column = plan.Table.Column(condition.AttributeName);
        if (column is null || !store.HasIndex(column) || condition.Values.Count == 0) return null;
        var ids = new HashSet<System.Guid>();
        foreach (var value in condition.Values)
        {
            var key = IndexKey.Of(QueryValues.Normalize(column, value))!;
            ids.UnionWith(store.Find(column, key));
        }

        return ids;
    }
}
