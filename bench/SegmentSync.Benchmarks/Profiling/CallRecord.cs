using System.Diagnostics;

namespace SegmentSync.Benchmarks.Profiling;

/// <summary>One Custom API call: where its time and memory went, and the requests its plug-in issued.</summary>
public sealed class CallRecord
{
    public CallRecord(string api) => Api = api;

    /// <summary>segsync_ImportSegment or segsync_ContinueSegmentImport.</summary>
    public string Api { get; }

    /// <summary>Wall time of the whole call as the client saw it (request in, response out).</summary>
    public long ClientTicks { get; set; }

    /// <summary>Wall time inside the plug-in's Execute (its own code plus the requests it issued).</summary>
    public long PluginTicks { get; set; }

    /// <summary>Wall time inside the plug-in's IOrganizationService calls: the emulator serving its requests.</summary>
    public long InnerTicks { get; set; }

    /// <summary>Thread CPU time (ns) of the whole call, of the plug-in's Execute and of the requests it issued.</summary>
    public long ClientCpu { get; set; }
    public long PluginCpu { get; set; }
    public long InnerCpu { get; set; }

    /// <summary>The Custom API's Status in the response.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>GC pauses during Execute, and the part of them inside the plug-in's requests.</summary>
    public TimeSpan PluginGcPause { get; set; }
    public TimeSpan InnerGcPause { get; set; }

    /// <summary>Bytes allocated on the calling thread during Execute, and the part inside the plug-in's requests.</summary>
    public long PluginAllocated { get; set; }
    public long InnerAllocated { get; set; }

    /// <summary>Managed heap at Execute's start, and the largest growth over it seen at any request boundary.</summary>
    public long HeapAtStart { get; set; }
    public long PeakHeapGrowth { get; set; }

    public Dictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> RequestTicks { get; } = new(StringComparer.Ordinal);

    /// <summary>Thread CPU (ns) the emulator spent on the plug-in's requests, by message.</summary>
    public Dictionary<string, long> RequestCpu { get; } = new(StringComparer.Ordinal);

    /// <summary>The first requests the plug-in issued, in order ("RetrieveMultiple contact", ...).</summary>
    public List<string> Sequence { get; } = new();

    /// <summary>The last requests the plug-in issued, in order, once <see cref="Sequence"/> is full.</summary>
    public Queue<string> Tail { get; } = new();

    public int RequestCount => Requests.Values.Sum();

    /// <summary>The plug-in's own time: Execute minus the time the emulator spent serving its requests.</summary>
    public long ExclusiveTicks => PluginTicks - InnerTicks;

    public long ExclusiveAllocated => PluginAllocated - InnerAllocated;

    /// <summary>The plug-in's own CPU time (ns): Execute minus the requests it issued.</summary>
    public long ExclusiveCpu => PluginCpu - InnerCpu;

    /// <summary>CPU (ns) the emulator spent on the call: serving the plug-in's requests and the Custom API request itself.</summary>
    public long EmulatorCpu => ClientCpu - ExclusiveCpu;

    /// <summary>The call's duration if every emulator operation took <paramref name="factor"/> times as long (ns).</summary>
    public long CpuAtLatencyFactor(double factor) => ExclusiveCpu + (long)(factor * EmulatorCpu);

    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
