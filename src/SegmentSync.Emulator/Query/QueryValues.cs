using System;
using System.Collections;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// Brings condition values and stored values into one comparable form per column, and compares them the way
/// SQL Server does for Dataverse: strings case-insensitively (trailing spaces ignored), references and option
/// values by value, nulls before everything when sorting.
/// </summary>
internal static class QueryValues
{
    /// <summary>The comparable form of a stored value (lookups become their id).</summary>
    public static object? OfStored(object? stored) => stored is StoredReference r ? r.Id : stored;

    /// <summary>
    /// The comparable form of a condition value for <paramref name="column"/>. Accepts what the SDK and FetchXML
    /// send: typed values, OptionSetValue, EntityReference, Money, enums, and strings to parse.
    /// </summary>
    public static object Normalize(ColumnDefinition column, object? value)
    {
        if (value is null) throw DataverseFault.InvalidArgument($"A condition on '{column.LogicalName}' has a null value; use Null or NotNull.");
        if (value is IEnumerable and not string)
        {
            throw DataverseFault.InvalidArgument(
                $"A condition value for '{column.LogicalName}' is a collection ({value.GetType().Name}); pass each value separately (object[]), as the real SDK requires.");
        }

        try
        {
            return column.Kind switch
            {
                ColumnKind.String or ColumnKind.Memo => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!,
                ColumnKind.PrimaryKey or ColumnKind.Guid or ColumnKind.Lookup => ToGuid(value),
                ColumnKind.Integer => Convert.ToInt32(Unwrap(value), CultureInfo.InvariantCulture),
                ColumnKind.BigInt => Convert.ToInt64(Unwrap(value), CultureInfo.InvariantCulture),
                ColumnKind.Decimal or ColumnKind.Money => Convert.ToDecimal(Unwrap(value), CultureInfo.InvariantCulture),
                ColumnKind.Boolean => ToBool(value),
                ColumnKind.DateTime => ToDateTime(value),
                ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status => Convert.ToInt32(Unwrap(value), CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw DataverseFault.InvalidArgument($"The value '{value}' is not valid for '{column.LogicalName}' ({column.Kind}).");
        }
    }

    /// <summary>Compares two comparable values; null sorts first.</summary>
    public static int Compare(object? a, object? b)
    {
        if (a is null) return b is null ? 0 : -1;
        if (b is null) return 1;
        if (a is string sa && b is string sb)
            return string.Compare(sa.TrimEnd(' '), sb.TrimEnd(' '), CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);
        if (a.GetType() == b.GetType() && a is IComparable ca) return ca.CompareTo(b);
        if (IsNumber(a) && IsNumber(b)) return Convert.ToDecimal(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(b, CultureInfo.InvariantCulture));
        return string.CompareOrdinal(a.ToString(), b.ToString());
    }

    public static bool AreEqual(object? a, object? b) => a is not null && b is not null && Compare(a, b) == 0;

    private static bool IsNumber(object value) => value is int or long or decimal or double or float or short;

    private static object Unwrap(object value)
    {
        return value switch
        {
            OptionSetValue o => o.Value,
            Money m => m.Value,
            Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    private static Guid ToGuid(object value)
    {
        return value switch
        {
            Guid g => g,
            EntityReference r => r.Id,
            string s => Guid.Parse(s),
            _ => throw new InvalidCastException(),
        };
    }

    private static bool ToBool(object value)
    {
        return value switch
        {
            bool b => b,
            int i => i != 0,
            string s when s == "1" => true,
            string s when s == "0" => false,
            string s => bool.Parse(s),
            _ => throw new InvalidCastException(),
        };
    }

    private static DateTime ToDateTime(object value)
    {
        var date = value is string s
            ? DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : (DateTime)value;
        return date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : DateTime.SpecifyKind(date, DateTimeKind.Utc);
    }
}
