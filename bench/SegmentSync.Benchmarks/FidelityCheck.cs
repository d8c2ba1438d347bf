using SegmentSync.Emulator;
using SegmentSync.LocalEnvironment;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Benchmarks;

/// <summary>
/// Runs the scenarios at a small scale on both segment models twice: on <see cref="SegmentSyncEnvironment.Create"/>
/// exactly as the tests and the demo use it, and on the benchmark's environment (profiling wrappers, and the chosen
/// outbound-marketing model). Both must issue the same requests, message by message, and report the same counts;
/// this also warms up the JIT before anything is measured.
/// </summary>
public static class FidelityCheck
{
    public sealed record Outcome(int Scale, int SmallSegments, long Requests, long ApiCalls);

    public static Outcome Run(int scale = 30_000, int smallSegments = 30)
    {
        var reference = SegmentSyncEnvironment.Create();
        var expected = Sequence(reference.Dataverse, reference.SetSetting, new Population(scale, smallSegments));
        var bench = BenchEnvironment.Create();
        var actual = Sequence(bench.Dataverse, bench.SetSetting, new Population(scale, smallSegments));
        for (var i = 0; i < expected.Count; i++)
        {
            var (key, api, requests) = expected[i];
            var (_, benchApi, benchRequests) = actual[i];
            var same = api == benchApi && requests.Count == benchRequests.Count
                && requests.All(kv => benchRequests.TryGetValue(kv.Key, out var n) && n == kv.Value);
            if (!same)
            {
                throw new InvalidOperationException($"Fidelity check failed in {key}: SegmentSyncEnvironment.Create() saw {api} API calls and {Describe(requests)}; the benchmark environment {benchApi} and {Describe(benchRequests)}.");
            }
        }

        return new Outcome(scale, smallSegments, expected.Sum(e => e.Requests.Values.Sum()), expected.Sum(e => e.Api));
    }

    private static string Describe(IReadOnlyDictionary<string, long> requests) => string.Join(", ", requests.OrderBy(kv => kv.Key).Select(kv => kv.Key + " " + kv.Value));

    private static List<(string Key, long Api, IReadOnlyDictionary<string, long> Requests)> Sequence(InMemoryDataverse dataverse, Action<string, string?> setSetting, Population population)
    {
        population.Seed(dataverse);
        var service = dataverse.GetService();
        var client = new SegmentImportClient(service);
        var result = new List<(string, long, IReadOnlyDictionary<string, long>)>();
        foreach (var target in new[] { SegmentTargetOption.Outbound, SegmentTargetOption.RealTime })
        {
            setSetting(SegmentSyncSettings.SegmentTarget, target == SegmentTargetOption.Outbound ? "Outbound" : null);
            void Measure(Scenario scenario, bool goLive = false)
            {
                dataverse.Requests.Reset();
                foreach (var import in scenario.Imports)
                {
                    var f = client.Import(import.Export, import.Ids).Final;
                    var e = import.Expect;
                    if (f.Status != "Applied" || f.MembersMatched != e.Matched || f.MembersAdded != e.Added || f.MembersRemoved != e.Removed || f.MembersIgnored != e.Ignored)
                    {
                        throw new InvalidOperationException($"Fidelity check: {scenario.Label} ended {f}; expected {e}.");
                    }

                    if (goLive)
                    {
                        BenchEnvironment.GoLive(service, target, f.SegmentId);
                    }
                }

                result.Add((scenario.Label, dataverse.Requests.Total - dataverse.Requests.FromPluginsTotal, dataverse.Requests.FromPluginsByMessage));
            }

            Measure(population.FirstImport(target), goLive: true);
            var refresh = population.Refresh(target, out var unknown);
            Measure(refresh);
            Measure(population.NoChange(refresh, unknown));
            foreach (var (export, ids) in population.SmallSegmentsBefore(target))
            {
                BenchEnvironment.GoLive(service, target, client.Import(export, ids).Final.SegmentId);
            }

            Measure(population.SmallSegmentsRefresh(target));
        }

        return result;
    }
}
