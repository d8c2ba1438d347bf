using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>QueryByAttribute is an And of Equal conditions; it runs as the equivalent QueryExpression.</summary>
internal static class QueryByAttributeConverter
{
    public static QueryExpression Convert(QueryByAttribute query)
    {
        if (query.Attributes.Count == 0) throw DataverseFault.InvalidArgument("QueryByAttribute needs at least one attribute.");
        if (query.Attributes.Count != query.Values.Count)
            throw DataverseFault.InvalidArgument("QueryByAttribute needs as many values as attributes.");
        var expression = new QueryExpression(query.EntityName)
        {
            ColumnSet = query.ColumnSet ?? new ColumnSet(),
            TopCount = query.TopCount,
            PageInfo = query.PageInfo ?? new PagingInfo(),
        };
        for (var i = 0; i < query.Attributes.Count; i++) expression.Criteria.AddCondition(query.Attributes[i], ConditionOperator.Equal, query.Values[i]);
        foreach (var order in query.Orders) expression.Orders.Add(order);
        return expression;
    }
}
