using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// List collection used across the SDK. As in the real assembly it has no public constructor: instances come from
/// the SDK types that own them (e.g. <see cref="EntityCollection.Entities"/>, <c>ColumnSet.Columns</c>).
/// </summary>
public class DataCollection<T> : Collection<T>
{
    internal DataCollection()
    {
    }

    /// <summary>Copies the given items; the source list is not wrapped.</summary>
    internal DataCollection(IEnumerable<T> items)
        : base(new List<T>(items ?? throw new ArgumentNullException(nameof(items))))
    {
    }

    public void AddRange(params T[] items) => AddRange((IEnumerable<T>)items);

    public void AddRange(IEnumerable<T> items)
    {
        if (items == null) return;
        foreach (var item in items) Add(item);
    }

    public T[] ToArray()
    {
        var array = new T[Count];
        CopyTo(array, 0);
        return array;
    }
}
