using System;
using System.Globalization;

namespace SegmentSync.Emulator;

/// <summary>
/// The form of a stored value used as an index key and for equality: strings compare like SQL Server's default
/// collation (case-insensitive, trailing spaces ignored); lookups compare by id; everything else by value.
/// </summary>
internal static class IndexKey
{
    public static object? Of(object? stored)
    {
        return stored switch
        {
            null => null,
            string s => s.TrimEnd(' ').ToUpperInvariant(),
            StoredReference r => r.Id,
            _ => stored,
        };
    }

    /// <summary>A text key for a tuple of stored values (alternate keys).</summary>
    public static string Composite(object?[] values)
    {
        var parts = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var key = Of(values[i]);
            parts[i] = key is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : key?.ToString() ?? "\u0000";
        }

        return string.Join("\u001f", parts);
    }
}
