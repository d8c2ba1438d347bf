using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace SegmentSync.Emulator;

/// <summary>
/// Counts requests by message name: every request a caller or a plug-in issues, including the items of
/// ExecuteMultiple/ExecuteTransaction and nested plug-in calls. "From plug-ins" counts the subset a plug-in issued
/// through its IOrganizationService. Platform-internal work (cascades, Upsert's inner Create/Update, seeding) is
/// not a request and is not counted. Thread-safe.
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentDictionary<string, long> _byMessage = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _fromPlugins = new(StringComparer.Ordinal);
    private long _total;
    private long _fromPluginsTotal;

    /// <summary>All requests.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>All requests by message name.</summary>
    public IReadOnlyDictionary<string, long> ByMessage => _byMessage.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>Requests issued by plug-ins.</summary>
    public long FromPluginsTotal => Interlocked.Read(ref _fromPluginsTotal);

    /// <summary>Requests issued by plug-ins, by message name.</summary>
    public IReadOnlyDictionary<string, long> FromPluginsByMessage => _fromPlugins.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>How many <paramref name="messageName"/> requests there were.</summary>
    public long CountOf(string messageName) => _byMessage.TryGetValue(messageName, out var n) ? n : 0;

    /// <summary>How many <paramref name="messageName"/> requests plug-ins issued.</summary>
    public long FromPluginsCountOf(string messageName) => _fromPlugins.TryGetValue(messageName, out var n) ? n : 0;

    /// <summary>Sets every counter back to zero.</summary>
    public void Reset()
    {
        _byMessage.Clear();
        _fromPlugins.Clear();
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _fromPluginsTotal, 0);
    }

    internal void Record(string messageName, bool fromPlugin)
    {
        _byMessage.AddOrUpdate(messageName, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
        if (!fromPlugin) return;
        _fromPlugins.AddOrUpdate(messageName, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _fromPluginsTotal);
    }
}
