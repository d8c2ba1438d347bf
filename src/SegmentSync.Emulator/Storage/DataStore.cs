using System;
using System.Collections.Concurrent;

namespace SegmentSync.Emulator;

/// <summary>All tables' rows. Writes go through here so that each one lands in the undo log of the transaction.</summary>
internal sealed class DataStore
{
    private readonly ConcurrentDictionary<string, TableStore> _tables = new(StringComparer.Ordinal);

    public void AddTable(TableDefinition table) => _tables[table.LogicalName] = new TableStore(table);

    /// <summary>Records which rows were written, when someone persists the changes (see InMemoryDataverse.Committed).</summary>
    public ChangeTracker? Tracker { get; set; }

    public System.Collections.Generic.IEnumerable<TableStore> Tables => _tables.Values;

    public TableStore For(string logicalName)
    {
        return _tables.TryGetValue(logicalName, out var store) ? store : throw DataverseFault.UnknownEntity(logicalName);
    }

    public TableStore? TryFor(string? logicalName)
    {
        return logicalName is not null && _tables.TryGetValue(logicalName, out var store) ? store : null;
    }

    public bool Exists(string logicalName, Guid id) => TryFor(logicalName)?.Contains(id) == true;

    public void Insert(TableStore table, Row row, Transaction? tx)
    {
        table.Insert(row);
        Tracker?.Rows.Add((table.Table.LogicalName, row.Id));
        tx?.RecordUndo(() => table.Remove(row.Id));
    }

    public void Replace(TableStore table, Row row, Transaction? tx)
    {
        var old = table.Replace(row);
        Tracker?.Rows.Add((table.Table.LogicalName, row.Id));
        tx?.RecordUndo(() => table.Replace(old));
    }

    public void Remove(TableStore table, Guid id, Transaction? tx)
    {
        var old = table.Remove(id);
        Tracker?.Rows.Add((table.Table.LogicalName, id));
        if (old is not null) tx?.RecordUndo(() => table.Insert(old));
    }
}
