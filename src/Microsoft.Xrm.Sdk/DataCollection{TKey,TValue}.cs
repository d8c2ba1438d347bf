using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Keyed collection behind <see cref="AttributeCollection"/>, <see cref="ParameterCollection"/> and the other
/// dictionaries of the SDK. Backed by a dictionary whose keys compare with the key type's default comparer
/// (case-sensitive for strings). The indexer getter throws <see cref="KeyNotFoundException"/> for a missing key;
/// the setter adds or replaces. <see cref="Add(TKey, TValue)"/> throws <see cref="ArgumentException"/> for a
/// duplicate key.
/// </summary>
public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
{
    private readonly IDictionary<TKey, TValue> _items;

    protected DataCollection()
    {
        _items = new Dictionary<TKey, TValue>();
    }

    /// <summary>Uses the given dictionary as the backing store (with its comparer).</summary>
    protected DataCollection(IDictionary<TKey, TValue> dictionary)
    {
        _items = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
    }

    public virtual TValue this[TKey key]
    {
        get => _items[key];
        set => _items[key] = value;
    }

    public int Count => _items.Count;

    public ICollection<TKey> Keys => _items.Keys;

    public ICollection<TValue> Values => _items.Values;

    public virtual bool IsReadOnly => false;

    public void Add(KeyValuePair<TKey, TValue> item) => _items.Add(item);

    public void Add(TKey key, TValue value) => _items.Add(key, value);

    public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

    public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
    {
        if (items == null) throw new ArgumentNullException(nameof(items));
        foreach (var item in items) _items.Add(item);
    }

    public void Clear() => _items.Clear();

    public bool Contains(TKey key) => _items.ContainsKey(key);

    public bool Contains(KeyValuePair<TKey, TValue> key) => _items.Contains(key);

    public bool ContainsKey(TKey key) => _items.ContainsKey(key);

    public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value);

    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index) => _items.CopyTo(array, index);

    public bool Remove(TKey key) => _items.Remove(key);

    public bool Remove(KeyValuePair<TKey, TValue> item) => _items.Remove(item);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
