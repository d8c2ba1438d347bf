using System;
using System.Collections.Generic;

namespace SegmentSync.Emulator;

/// <summary>A secondary index: index key of a column's value to the ids of the rows holding it (nulls are not indexed).</summary>
internal sealed class EqualityIndex
{
    private static readonly IReadOnlyCollection<Guid> None = Array.Empty<Guid>();
    private readonly Dictionary<object, HashSet<Guid>> _entries = new();

    public void Add(object? stored, Guid id)
    {
        var key = IndexKey.Of(stored);
        if (key is null) return;
        if (!_entries.TryGetValue(key, out var ids)) _entries[key] = ids = new HashSet<Guid>();
        ids.Add(id);
    }

    public void Remove(object? stored, Guid id)
    {
        var key = IndexKey.Of(stored);
        if (key is null || !_entries.TryGetValue(key, out var ids)) return;
        ids.Remove(id);
        if (ids.Count == 0) _entries.Remove(key);
    }

    /// <summary>The ids of rows whose value has <paramref name="key"/> (an <see cref="IndexKey"/> form).</summary>
    public IReadOnlyCollection<Guid> Find(object key)
    {
        return _entries.TryGetValue(key, out var ids) ? ids : None;
    }
}
