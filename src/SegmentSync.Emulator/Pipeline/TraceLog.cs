using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Emulator;

/// <summary>The most recent plug-in traces (the oldest are dropped past <see cref="Capacity"/>). Thread-safe.</summary>
public sealed class TraceLog
{
    /// <summary>How many traces are kept.</summary>
    public const int Capacity = 1000;

    private readonly object _gate = new();
    private readonly LinkedList<PluginTrace> _traces = new();

    /// <summary>The kept traces, oldest first.</summary>
    public IReadOnlyList<PluginTrace> All
    {
        get { lock (_gate) return _traces.ToList(); }
    }

    /// <summary>The latest trace, or null.</summary>
    public PluginTrace? Last
    {
        get { lock (_gate) return _traces.Last?.Value; }
    }

    /// <summary>Forgets every trace.</summary>
    public void Clear()
    {
        lock (_gate) _traces.Clear();
    }

    internal void Add(PluginTrace trace)
    {
        lock (_gate)
        {
            _traces.AddLast(trace);
            if (_traces.Count > Capacity) _traces.RemoveFirst();
        }
    }
}
