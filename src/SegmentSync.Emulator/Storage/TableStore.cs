using System;
using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Emulator;

/// <summary>
/// The rows of one table: a dictionary by primary key, plus an equality index per indexed column and a unique
/// index per alternate key. Not thread-safe on its own: the emulator serializes requests.
/// </summary>
internal sealed class TableStore
{
    private readonly Dictionary<Guid, Row> _rows = new();
    private readonly Dictionary<int, EqualityIndex> _indexes = new();
    private readonly Dictionary<AlternateKeyDefinition, (int[] Ordinals, Dictionary<string, Guid> Owners)> _keys = new();

    public TableStore(TableDefinition table)
    {
        Table = table;
        foreach (var column in table.Columns.Where(c => c.Indexed && c.Kind != ColumnKind.PrimaryKey))
            _indexes[column.Ordinal] = new EqualityIndex();
        foreach (var key in table.AlternateKeys)
            _keys[key] = (key.Attributes.Select(a => table.Column(a)!.Ordinal).ToArray(), new Dictionary<string, Guid>());
    }

    public TableDefinition Table { get; }

    public int Count => _rows.Count;

    /// <summary>The live rows; callers that write while iterating take a snapshot first.</summary>
    public IEnumerable<Row> Rows => _rows.Values;

    public bool TryGet(Guid id, out Row row) => _rows.TryGetValue(id, out row!);

    public bool Contains(Guid id) => _rows.ContainsKey(id);

    /// <summary>True when <paramref name="column"/> has an index (the primary key always has one: the dictionary).</summary>
    public bool HasIndex(ColumnDefinition column) => column.Kind == ColumnKind.PrimaryKey || _indexes.ContainsKey(column.Ordinal);

    /// <summary>The ids whose <paramref name="column"/> value has index key <paramref name="key"/>.</summary>
    public IReadOnlyCollection<Guid> Find(ColumnDefinition column, object key)
    {
        if (column.Kind == ColumnKind.PrimaryKey)
            return key is Guid id && _rows.ContainsKey(id) ? new[] { id } : Array.Empty<Guid>();
        return _indexes[column.Ordinal].Find(key);
    }

    /// <summary>The id of the row whose <paramref name="key"/> columns hold <paramref name="values"/>, if any.</summary>
    public Guid? FindByKey(AlternateKeyDefinition key, object?[] values)
    {
        return _keys[key].Owners.TryGetValue(IndexKey.Composite(values), out var id) ? id : null;
    }

    /// <summary>The first alternate key whose values in <paramref name="row"/> another row already uses.</summary>
    public AlternateKeyDefinition? ConflictingKey(Row row)
    {
        foreach (var (key, (ordinals, owners)) in _keys)
        {
            var composite = KeyOf(row, ordinals);
            if (composite is not null && owners.TryGetValue(composite, out var owner) && owner != row.Id) return key;
        }

        return null;
    }

    public void Insert(Row row)
    {
        _rows.Add(row.Id, row);
        AddToIndexes(row);
    }

    /// <summary>Stores <paramref name="row"/> in place of the row with the same id and returns the old one.</summary>
    public Row Replace(Row row)
    {
        var old = _rows[row.Id];
        RemoveFromIndexes(old);
        _rows[row.Id] = row;
        AddToIndexes(row);
        return old;
    }

    public Row? Remove(Guid id)
    {
        if (!_rows.Remove(id, out var old)) return null;
        RemoveFromIndexes(old);
        return old;
    }

    private static string? KeyOf(Row row, int[] ordinals)
    {
        var values = new object?[ordinals.Length];
        for (var i = 0; i < ordinals.Length; i++)
        {
            values[i] = row[ordinals[i]];
            if (values[i] is null) return null; // a key with an empty column is not enforced
        }

        return IndexKey.Composite(values);
    }

    private void AddToIndexes(Row row)
    {
        foreach (var (ordinal, index) in _indexes) index.Add(row[ordinal], row.Id);
        foreach (var (ordinals, owners) in _keys.Values)
        {
            var composite = KeyOf(row, ordinals);
            if (composite is not null) owners[composite] = row.Id;
        }
    }

    private void RemoveFromIndexes(Row row)
    {
        foreach (var (ordinal, index) in _indexes) index.Remove(row[ordinal], row.Id);
        foreach (var (ordinals, owners) in _keys.Values)
        {
            var composite = KeyOf(row, ordinals);
            if (composite is not null && owners.TryGetValue(composite, out var owner) && owner == row.Id) owners.Remove(composite);
        }
    }
}
