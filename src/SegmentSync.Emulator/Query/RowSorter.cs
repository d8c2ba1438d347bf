using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// Orders result rows: the query's orders, then each link-entity's orders, then the primary key, which Dataverse
/// adds so that paging is stable. Nulls sort first ascending, last descending (SQL Server's behaviour).
/// </summary>
internal static class RowSorter
{
    public static List<SortKey> Keys(QueryPlan plan)
    {
        var keys = new List<SortKey>();
        foreach (var order in plan.Query.Orders) keys.Add(Key(plan, order, order.EntityName, null));
        foreach (var node in plan.AllLinks)
        {
            foreach (var order in node.Link.Orders) keys.Add(Key(plan, order, null, node.Alias));
        }

        return keys;
    }

    public static List<JoinedRow> Sort(IEnumerable<JoinedRow> rows, IReadOnlyList<SortKey> keys)
    {
        var list = rows.ToList();
        list.Sort((a, b) =>
        {
            foreach (var key in keys)
            {
                var c = QueryValues.Compare(RowValues.Comparable(a.RowOf(key.Alias), key.Column), RowValues.Comparable(b.RowOf(key.Alias), key.Column));
                if (c != 0) return key.Descending ? -c : c;
            }

            return a.Primary.Id.CompareTo(b.Primary.Id);
        });
        return list;
    }

    private static SortKey Key(QueryPlan plan, OrderExpression order, string? entityName, string? defaultAlias)
    {
        if (string.IsNullOrEmpty(order.AttributeName)) throw DataverseFault.InvalidArgument("An order has no AttributeName.");
        var (alias, _, column) = plan.Attribute(entityName, order.AttributeName, defaultAlias);
        return new SortKey(alias, column, order.OrderType == OrderType.Descending);
    }
}
