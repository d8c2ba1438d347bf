using System;

namespace SegmentSync.Emulator;

/// <summary>
/// One stored record: its id and one slot per column (by ordinal), null meaning no value. Rows are immutable:
/// a write stores a new row, so the undo log can put the old object back and readers never see a half-written row.
/// </summary>
internal sealed class Row
{
    public Row(Guid id, object?[] values)
    {
        Id = id;
        Values = values;
    }

    public Guid Id { get; }

    /// <summary>Stored values by column ordinal; never mutated after the row is stored.</summary>
    public object?[] Values { get; }

    public object? this[int ordinal] => Values[ordinal];

    /// <summary>A copy with the slots in <paramref name="changes"/> replaced.</summary>
    public Row With(ReadOnlySpan<(int Ordinal, object? Value)> changes)
    {
        var copy = (object?[])Values.Clone();
        foreach (var (ordinal, value) in changes) copy[ordinal] = value;
        return new Row(Id, copy);
    }
}
