using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>count, countcolumn, sum, avg, min and max over the matched rows (no group by).</summary>
internal static class AggregateCalculator
{
    public static object? Calculate(XrmAggregateType type, ColumnDefinition column, List<object?> stored)
    {
        var present = stored.Where(v => v is not null).Select(v => QueryValues.OfStored(v)!).ToList();
        switch (type)
        {
            case XrmAggregateType.Count:
                return stored.Count;
            case XrmAggregateType.CountColumn:
                return present.Count;
            case XrmAggregateType.Min:
                return Wrap(column, present.OrderBy(v => v, Comparer<object>.Create(QueryValues.Compare)).FirstOrDefault());
            case XrmAggregateType.Max:
                return Wrap(column, present.OrderByDescending(v => v, Comparer<object>.Create(QueryValues.Compare)).FirstOrDefault());
            case XrmAggregateType.Sum:
                return Wrap(column, Numbers(column, present).Sum());
            case XrmAggregateType.Avg:
                var numbers = Numbers(column, present);
                return numbers.Count == 0 ? null : Wrap(column, numbers.Average());
            default:
                throw DataverseFault.NotSupported($"The emulator does not support the aggregate {type}.");
        }
    }

    private static List<decimal> Numbers(ColumnDefinition column, List<object> values)
    {
        if (column.Kind is not (ColumnKind.Integer or ColumnKind.BigInt or ColumnKind.Decimal or ColumnKind.Money))
            throw DataverseFault.InvalidArgument($"Cannot sum or average '{column.LogicalName}' ({column.Kind}).");
        return values.Select(v => System.Convert.ToDecimal(v, CultureInfo.InvariantCulture)).ToList();
    }

    private static object? Wrap(ColumnDefinition column, object? value)
    {
        return column.Kind switch
        {
            _ when value is null => null,
            ColumnKind.Money => new Money(System.Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            ColumnKind.Integer when value is decimal d => (int)d,
            ColumnKind.BigInt when value is decimal d => (long)d,
            _ when column.IsOptionSet && value is int i => new OptionSetValue(i),
            _ => value,
        };
    }
}
