using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// Converts SDK values to stored values (checking type, length, range and options as Dataverse does on writes)
/// and stored values back to fresh SDK objects for reads, so callers never hold a reference into the store.
/// </summary>
internal static class ValueConverter
{
    /// <summary>The stored form of <paramref name="value"/> for <paramref name="column"/>, or a Dataverse fault.</summary>
    /// <param name="table">The table being written.</param>
    /// <param name="column">The column being written.</param>
    /// <param name="value">The caller's value (null clears the column).</param>
    /// <param name="exists">Whether a referenced record exists (lookups must point to existing records).</param>
    public static object? ToStored(TableDefinition table, ColumnDefinition column, object? value, Func<string, Guid, bool> exists)
    {
        if (value is null) return null;
        return column.Kind switch
        {
            ColumnKind.PrimaryKey => Expect<Guid>(column, value),
            ColumnKind.String or ColumnKind.Memo => Text(table, column, Expect<string>(column, value)),
            ColumnKind.Integer => Integer(table, column, Expect<int>(column, value)),
            ColumnKind.BigInt => value is int i ? (long)i : Expect<long>(column, value),
            ColumnKind.Decimal => Expect<decimal>(column, value),
            ColumnKind.Money => Expect<Money>(column, value).Value,
            ColumnKind.Boolean => Boxes.Bool(Expect<bool>(column, value)),
            ColumnKind.DateTime => Utc(Expect<DateTime>(column, value)),
            ColumnKind.Guid => Expect<Guid>(column, value),
            ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status => Option(table, column, Expect<OptionSetValue>(column, value).Value),
            ColumnKind.Lookup => Reference(column, Expect<EntityReference>(column, value), exists),
            _ => throw new InvalidOperationException($"Unknown column kind {column.Kind}."),
        };
    }

    /// <summary>A fresh SDK value for a stored value (EntityReference names come from <paramref name="nameOf"/>).</summary>
    public static object? ToSdk(ColumnDefinition column, object? stored, Func<StoredReference, string?> nameOf)
    {
        return stored switch
        {
            null => null,
            StoredReference r => new EntityReference(r.LogicalName, r.Id) { Name = nameOf(r) },
            int option when column.IsOptionSet => new OptionSetValue(option),
            decimal money when column.Kind == ColumnKind.Money => new Money(money),
            _ => stored,
        };
    }

    /// <summary>
    /// Dataverse keeps UTC with whole seconds: local times are converted, unspecified ones are taken as UTC and
    /// milliseconds are dropped.
    /// </summary>
    public static DateTime Utc(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private static T Expect<T>(ColumnDefinition column, object value)
    {
        if (value is T typed) return typed;
        throw DataverseFault.InvalidArgument(
            $"Incorrect type of attribute value {value.GetType().FullName} for attribute '{column.LogicalName}'; expected {typeof(T).FullName}.");
    }

    private static string? Text(TableDefinition table, ColumnDefinition column, string value)
    {
        if (value.Length > column.MaxLength)
        {
            throw DataverseFault.Create(
                ErrorCodes.StringLengthTooLong,
                $"A validation error occurred. The length of the '{column.LogicalName}' attribute of the '{table.LogicalName}' entity exceeded the maximum allowed length of '{column.MaxLength}'.");
        }

        // Dataverse stores an empty string as null.
        return value.Length == 0 ? null : value;
    }

    private static int Integer(TableDefinition table, ColumnDefinition column, int value)
    {
        if (value < column.MinValue || value > column.MaxValue)
        {
            throw DataverseFault.Create(
                ErrorCodes.ValueOutOfRange,
                $"A validation error occurred. The value {value} of '{column.LogicalName}' on record of type '{table.LogicalName}' is outside the valid range. Accepted range: {column.MinValue} to {column.MaxValue}.");
        }

        return value;
    }

    private static object Option(TableDefinition table, ColumnDefinition column, int value)
    {
        if (!column.Options.Contains(value))
        {
            throw DataverseFault.Create(
                ErrorCodes.ValueOutOfRange,
                $"A validation error occurred. The value {value} of '{column.LogicalName}' on record of type '{table.LogicalName}' is outside the valid range. Accepted Values: {string.Join(",", column.Options.OrderBy(o => o))}");
        }

        return Boxes.Option(value);
    }

    private static StoredReference Reference(ColumnDefinition column, EntityReference value, Func<string, Guid, bool> exists)
    {
        if (string.IsNullOrEmpty(value.LogicalName) || !column.Targets.Contains(value.LogicalName))
        {
            throw DataverseFault.InvalidArgument(
                $"The lookup '{column.LogicalName}' cannot point to '{value.LogicalName}'; valid targets: {string.Join(", ", column.Targets)}.");
        }

        if (value.Id == Guid.Empty || !exists(value.LogicalName, value.Id)) throw DataverseFault.DoesNotExist(value.LogicalName, value.Id);
        return new StoredReference(value.LogicalName, value.Id);
    }
}
