using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// Compiles a FilterExpression into a predicate once per query, so values are normalized and In lists hashed once
/// rather than per row. Comparisons follow SQL: a null column value satisfies only Null (and NotNull fails).
/// </summary>
internal sealed class FilterCompiler
{
    private readonly QueryPlan _plan;
    private readonly QueryContext _context;

    public FilterCompiler(QueryPlan plan, QueryContext context)
    {
        _plan = plan;
        _context = context;
    }

    /// <summary>A predicate for <paramref name="filter"/>; attributes without an entity name belong to <paramref name="defaultAlias"/>.</summary>
    public Func<JoinedRow, bool> Compile(FilterExpression? filter, string? defaultAlias)
    {
        if (filter is null) return _ => true;
        var parts = filter.Conditions.Select(c => Condition(c, defaultAlias))
            .Concat(filter.Filters.Select(f => Compile(f, defaultAlias)))
            .ToArray();
        if (parts.Length == 0) return _ => true;
        if (filter.FilterOperator == LogicalOperator.Or) return row => parts.Any(p => p(row));
        return row => parts.All(p => p(row));
    }

    private Func<JoinedRow, bool> Condition(ConditionExpression condition, string? defaultAlias)
    {
        var (alias, _, column) = _plan.Attribute(condition.EntityName, condition.AttributeName, defaultAlias);
        object? Value(JoinedRow row) => RowValues.Comparable(row.RowOf(alias), column);
        if (condition.CompareColumns) return CompareColumns(condition, column, alias, defaultAlias);
        var values = condition.Values.ToArray();
        switch (condition.Operator)
        {
            case ConditionOperator.Null: return row => Value(row) is null;
            case ConditionOperator.NotNull: return row => Value(row) is not null;
            case ConditionOperator.Equal: return Compare(Value, column, values, 1, c => c == 0);
            case ConditionOperator.NotEqual: return Compare(Value, column, values, 1, c => c != 0);
            case ConditionOperator.GreaterThan: return Compare(Value, column, values, 1, c => c > 0);
            case ConditionOperator.GreaterEqual: return Compare(Value, column, values, 1, c => c >= 0);
            case ConditionOperator.LessThan: return Compare(Value, column, values, 1, c => c < 0);
            case ConditionOperator.LessEqual: return Compare(Value, column, values, 1, c => c <= 0);
            case ConditionOperator.In: return In(Value, column, values, expected: true);
            case ConditionOperator.NotIn: return In(Value, column, values, expected: false);
            case ConditionOperator.Between: return Between(Value, column, values, expected: true);
            case ConditionOperator.NotBetween: return Between(Value, column, values, expected: false);
            case ConditionOperator.Like: return Like(Value, column, values, p => p, expected: true);
            case ConditionOperator.NotLike: return Like(Value, column, values, p => p, expected: false);
            case ConditionOperator.BeginsWith: return Like(Value, column, values, p => LikePattern.Escape(p) + "%", expected: true);
            case ConditionOperator.DoesNotBeginWith: return Like(Value, column, values, p => LikePattern.Escape(p) + "%", expected: false);
            case ConditionOperator.EndsWith: return Like(Value, column, values, p => "%" + LikePattern.Escape(p), expected: true);
            case ConditionOperator.DoesNotEndWith: return Like(Value, column, values, p => "%" + LikePattern.Escape(p), expected: false);
            case ConditionOperator.Contains: return Like(Value, column, values, p => "%" + LikePattern.Escape(p) + "%", expected: true);
            case ConditionOperator.DoesNotContain: return Like(Value, column, values, p => "%" + LikePattern.Escape(p) + "%", expected: false);
            case ConditionOperator.EqualUserId: return row => QueryValues.AreEqual(Value(row), _context.UserId);
            case ConditionOperator.NotEqualUserId: return row => Value(row) is Guid g && g != _context.UserId;
            case ConditionOperator.EqualBusinessId: return row => QueryValues.AreEqual(Value(row), _context.BusinessUnitId);
            case ConditionOperator.NotEqualBusinessId: return row => Value(row) is Guid g && g != _context.BusinessUnitId;
            default: throw DataverseFault.NotSupported($"The emulator does not support the condition operator {condition.Operator}.");
        }
    }

    private static Func<JoinedRow, bool> Compare(Func<JoinedRow, object?> value, ColumnDefinition column, object[] values, int count, Func<int, bool> accept)
    {
        ExpectCount(column, values, count);
        var expected = QueryValues.Normalize(column, values[0]);
        return row =>
        {
            var actual = value(row);
            return actual is not null && accept(QueryValues.Compare(actual, expected));
        };
    }

    private static Func<JoinedRow, bool> In(Func<JoinedRow, object?> value, ColumnDefinition column, object[] values, bool expected)
    {
        if (values.Length == 0) throw DataverseFault.InvalidArgument($"The In condition on '{column.LogicalName}' has no values.");
        var keys = new HashSet<object>(values.Select(v => IndexKey.Of(QueryValues.Normalize(column, v))!));
        return row =>
        {
            var actual = value(row);
            return actual is not null && keys.Contains(IndexKey.Of(actual)!) == expected;
        };
    }

    private static Func<JoinedRow, bool> Between(Func<JoinedRow, object?> value, ColumnDefinition column, object[] values, bool expected)
    {
        ExpectCount(column, values, 2);
        var low = QueryValues.Normalize(column, values[0]);
        var high = QueryValues.Normalize(column, values[1]);
        return row =>
        {
            var actual = value(row);
            if (actual is null) return false;
            var inside = QueryValues.Compare(actual, low) >= 0 && QueryValues.Compare(actual, high) <= 0;
            return inside == expected;
        };
    }

    private static Func<JoinedRow, bool> Like(Func<JoinedRow, object?> value, ColumnDefinition column, object[] values, Func<string, string> pattern, bool expected)
    {
        ExpectCount(column, values, 1);
        var text = pattern(values[0] as string ?? throw DataverseFault.InvalidArgument($"A text condition on '{column.LogicalName}' needs a string value."));
        return row =>
        {
            var actual = value(row);
            return actual is not null && LikePattern.Matches(Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture)!, text) == expected;
        };
    }

    private Func<JoinedRow, bool> CompareColumns(ConditionExpression condition, ColumnDefinition column, string? alias, string? defaultAlias)
    {
        if (condition.Values.Count != 1 || condition.Values[0] is not string other)
            throw DataverseFault.InvalidArgument("A column comparison needs the other attribute's name as its only value.");
        var (otherAlias, _, otherColumn) = _plan.Attribute(condition.EntityName, other, defaultAlias);
        Func<int, bool> accept = condition.Operator switch
        {
            ConditionOperator.Equal => c => c == 0,
            ConditionOperator.NotEqual => c => c != 0,
            ConditionOperator.GreaterThan => c => c > 0,
            ConditionOperator.GreaterEqual => c => c >= 0,
            ConditionOperator.LessThan => c => c < 0,
            ConditionOperator.LessEqual => c => c <= 0,
            _ => throw DataverseFault.NotSupported($"Column comparison does not support {condition.Operator}."),
        };
        return row =>
        {
            var a = RowValues.Comparable(row.RowOf(alias), column);
            var b = RowValues.Comparable(row.RowOf(otherAlias), otherColumn);
            return a is not null && b is not null && accept(QueryValues.Compare(a, b));
        };
    }

    private static void ExpectCount(ColumnDefinition column, object[] values, int count)
    {
        if (values.Length != count)
            throw DataverseFault.InvalidArgument($"The condition on '{column.LogicalName}' needs {count} value(s) but has {values.Length}.");
    }
}
