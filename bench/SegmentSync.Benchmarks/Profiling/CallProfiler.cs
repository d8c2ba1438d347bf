using System.Diagnostics;

namespace SegmentSync.Benchmarks.Profiling;

/// <summary>Collects a <see cref="CallRecord"/> per Custom API call. Single-threaded, like the benchmark.</summary>
public sealed class CallProfiler
{
    private readonly List<CallRecord> _calls = new();

    public IReadOnlyList<CallRecord> Calls => _calls;

    /// <summary>The call whose plug-in is running, if any.</summary>
    public CallRecord? Current { get; private set; }

    public void Reset() => _calls.Clear();

    public CallRecord Begin(string api)
    {
        var record = new CallRecord(api) { HeapAtStart = GC.GetTotalMemory(false) };
        _calls.Add(record);
        Current = record;
        return record;
    }

    public void End() => Current = null;

    /// <summary>Runs the plug-in's Execute and records its wall time, allocations and GC pauses.</summary>
    public void Measure(CallRecord record, Action execute)
    {
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Now();
        var start = Stopwatch.GetTimestamp();
        try
        {
            execute();
        }
        finally
        {
            record.PluginTicks = Stopwatch.GetTimestamp() - start;
            record.PluginCpu = ThreadCpu.Now() - cpu;
            record.PluginAllocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            record.PluginGcPause = GC.GetTotalPauseDuration() - pause;
            End();
        }
    }

    /// <summary>Requests kept in order per call: the first ones, and the last ones.</summary>
    public const int SequenceLength = 60;
    public const int TailLength = 12;

    /// <summary>Runs one request the plug-in issued and charges it to the emulator's side of the call.</summary>
    public T Inner<T>(string message, Func<T> request, string? entity = null)
    {
        var record = Current;
        if (record == null)
        {
            return request();
        }

        var description = entity == null ? message : message + " " + entity;
        if (record.Sequence.Count < SequenceLength)
        {
            record.Sequence.Add(description);
        }
        else
        {
            record.Tail.Enqueue(description);
            if (record.Tail.Count > TailLength)
            {
                record.Tail.Dequeue();
            }
        }

        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Now();
        var start = Stopwatch.GetTimestamp();
        try
        {
            return request();
        }
        finally
        {
            var ticks = Stopwatch.GetTimestamp() - start;
            var used = ThreadCpu.Now() - cpu;
            record.InnerCpu += used;
            record.RequestCpu[message] = record.RequestCpu.GetValueOrDefault(message) + used;
            record.InnerTicks += ticks;
            record.InnerAllocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
            record.InnerGcPause += GC.GetTotalPauseDuration() - pause;
            record.Requests[message] = record.Requests.GetValueOrDefault(message) + 1;
            record.RequestTicks[message] = record.RequestTicks.GetValueOrDefault(message) + ticks;
            record.PeakHeapGrowth = Math.Max(record.PeakHeapGrowth, GC.GetTotalMemory(false) - record.HeapAtStart);
        }
    }
}
