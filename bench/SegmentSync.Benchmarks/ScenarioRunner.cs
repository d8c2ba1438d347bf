using System.Diagnostics;
using SegmentSync.Benchmarks.Profiling;
using SegmentSync.LocalEnvironment.Client;
using Api = SegmentSync.Plugins.Schema.SegmentImportApi;

namespace SegmentSync.Benchmarks;

/// <summary>What one scenario cost, as measured.</summary>
public sealed class ScenarioResult
{
    public required Scenario Scenario { get; init; }
    public required int ApiCalls { get; init; }
    public required IReadOnlyDictionary<string, long> PluginRequests { get; init; }
    public required List<CallRecord> Calls { get; init; }
    public required long WallTicks { get; init; }
    public required long ClientWaitTicks { get; init; }
    public required long ThreadCpu { get; init; }
    public required long ClientWaitCpu { get; init; }
    public required List<Guid> SegmentIds { get; init; }

    public long PluginRequestTotal => PluginRequests.Values.Sum();
    /// <summary>Thread CPU (ns): the plug-ins' own work, the emulator's (their requests and the API requests), the client's.</summary>
    public long PluginCpu => Calls.Sum(c => c.ExclusiveCpu);
    public long EmulatorCpu => Calls.Sum(c => c.EmulatorCpu);
    public long ClientCpu => ThreadCpu - ClientWaitCpu;

    /// <summary>Emulator CPU (ns) per request of <paramref name="message"/> issued by the plug-ins.</summary>
    public double CpuPerRequest(string message)
    {
        var count = Calls.Sum(c => (long)c.Requests.GetValueOrDefault(message));
        return count == 0 ? 0 : Calls.Sum(c => c.RequestCpu.GetValueOrDefault(message)) / (double)count;
    }

    public TimeSpan PluginGcPause => Calls.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.PluginGcPause - c.InnerGcPause);
}

/// <summary>Drives the imports of a scenario through the SDK client, as a .NET caller would, and measures them.</summary>
public static class ScenarioRunner
{
    public static ScenarioResult Run(BenchEnvironment environment, Scenario scenario)
    {
        var dataverse = environment.Dataverse;
        dataverse.Requests.Reset();
        environment.Profiler.Reset();
        var timer = new ClientTimer(environment.Service(), environment.Profiler);
        var client = new SegmentImportClient(timer);
        var segments = new List<Guid>();
        var apiCalls = 0;
        using var gc = MeasurementGc.Begin();
        var threadCpu = Profiling.ThreadCpu.Now();
        var start = Stopwatch.GetTimestamp();
        foreach (var import in scenario.Imports)
        {
            var outcome = client.Import(import.Export, import.Ids);
            apiCalls += outcome.ApiCalls;
            Verify(scenario, import, outcome.Final);
            segments.Add(outcome.Final.SegmentId);
        }

        var wall = Stopwatch.GetTimestamp() - start;
        threadCpu = Profiling.ThreadCpu.Now() - threadCpu;
        var result = new ScenarioResult
        {
            Scenario = scenario,
            ApiCalls = apiCalls,
            PluginRequests = dataverse.Requests.FromPluginsByMessage,
            Calls = environment.Profiler.Calls.ToList(),
            WallTicks = wall,
            ClientWaitTicks = timer.WaitTicks,
            ThreadCpu = threadCpu,
            ClientWaitCpu = timer.WaitCpu,
            SegmentIds = segments,
        };

        var external = dataverse.Requests.Total - dataverse.Requests.FromPluginsTotal;
        var apiRequests = dataverse.Requests.CountOf(Api.ImportSegment) + dataverse.Requests.CountOf(Api.ContinueSegmentImport);
        if (external != apiCalls || apiRequests != apiCalls || result.Calls.Count != apiCalls)
        {
            throw new InvalidOperationException($"{scenario.Label}: {apiCalls} Custom API calls by the client, but the request log shows {external} external requests ({apiRequests} to the APIs) and the profiler {result.Calls.Count} plug-in runs.");
        }

        for (var i = 0; i < scenario.Imports.Count; i++)
        {
            var expected = scenario.Imports[i].Expect.Matched;
            var actual = environment.MemberCount(segments[i]);
            if (actual != expected)
            {
                throw new InvalidOperationException($"{scenario.Label}: segment {segments[i]} has {actual} members after the import; expected {expected}.");
            }
        }

        return result;
    }

    private static void Verify(Scenario scenario, ImportSpec import, ImportCallResult final)
    {
        var e = import.Expect;
        if (final.Status != "Applied" || final.MembersReceived != e.Received || final.MembersMatched != e.Matched
            || final.MembersIgnored != e.Ignored || final.MembersAdded != e.Added || final.MembersRemoved != e.Removed)
        {
            throw new InvalidOperationException($"{scenario.Label} ({import.Export.ExternalSegmentId}): the import ended {final}; expected Applied with {e}.");
        }
    }
}
