
namespace SegmentSync.Emulator;

/// <summary>Reads a column of a row in comparable form; the primary key lives in Row.Id, not in a slot.</summary>
internal static class RowValues
{
    public static object? Comparable(Row? row, ColumnDefinition column)
    {
        if (row is null) return null;
        return column.Kind == ColumnKind.PrimaryKey ? row.Id : QueryValues.OfStored(row[column.Ordinal]);
    }

    public static object? Stored(Row? row, ColumnDefinition column)
    {
        if (row is null) return null;
        return column.Kind == ColumnKind.PrimaryKey ? row.Id : row[column.Ordinal];
    }
}
