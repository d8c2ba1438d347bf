using System.Diagnostics;
using System.Globalization;
using SegmentSync.Benchmarks.Profiling;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Benchmarks;

/// <summary>Everything one run measured, for the report.</summary>
public sealed class BenchRun
{
    public required BenchOptions Options { get; init; }
    public required FidelityCheck.Outcome Fidelity { get; init; }
    public required int ContactRows { get; init; }
    public required double SeedSeconds { get; init; }
    public List<ScenarioResult> Scenarios { get; } = new();
    public Dictionary<Scenario, double> BaselineMs { get; } = new();
    public Dictionary<Scenario, NaiveResult> Naive { get; } = new();
    public List<HotSpots.Step> HotSpots { get; set; } = new();
    public EmulatorProbe.ExistenceCheck? BigCheck { get; set; }
    public EmulatorProbe.ExistenceCheck? SmallCheck { get; set; }
    public double ScanMs { get; set; }
    public double HashNsPerId { get; set; }
    public List<BudgetSweep.Row> Sweep { get; set; } = new();
    public EndToEndResult? EndToEnd { get; set; }
    public TimeSpan Elapsed { get; set; }

    public IEnumerable<ScenarioResult> For(SegmentTargetOption target) => Scenarios.Where(s => s.Scenario.Target == target);
}

public static class Bench
{
    public static readonly SegmentTargetOption[] Targets = { SegmentTargetOption.Outbound, SegmentTargetOption.RealTime };

    public static int Run(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (OptionsHelpException)
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var total = Stopwatch.StartNew();
        Console.WriteLine($"SegmentSync benchmarks: scale {options.Scale:N0}, thread CPU clock: {(ThreadCpu.Available ? "yes" : "no (wall time)")}");

        Console.WriteLine("Fidelity check and warm-up (S1-S4 and R1-R4 at 30,000 on SegmentSyncEnvironment.Create() and on the benchmark environment)...");
        var fidelity = FidelityCheck.Run();
        Console.WriteLine($"  identical: {fidelity.ApiCalls} Custom API calls, {fidelity.Requests} plug-in requests on both.");

        var population = new Population(options.Scale);
        var environment = BenchEnvironment.Create();
        var watch = Stopwatch.StartNew();
        var rows = population.Seed(environment.Dataverse);
        var run = new BenchRun { Options = options, Fidelity = fidelity, ContactRows = rows, SeedSeconds = watch.Elapsed.TotalSeconds };
        Console.WriteLine($"Seeded {rows:N0} contacts in {run.SeedSeconds:F1} s.");

        var filler = population.Contacts.Take(24_000).ToList();
        Scenario? outboundFirst = null, outboundRefresh = null;
        foreach (var target in Targets)
        {
            Console.WriteLine(target == SegmentTargetOption.Outbound
                ? "msdyncrm_segment (outbound marketing), segsync_SegmentTarget = Outbound:"
                : "Real-time journeys (msdynmkt_segmentdefinition), segsync_SegmentTarget = Auto (the default):");
            environment.UseTarget(target);
            var service = environment.Service();
            var first = population.FirstImport(target);
            var firstResult = Measure(run, environment, first);
            BenchEnvironment.GoLive(service, target, firstResult.SegmentIds[0]);
            var refresh = population.Refresh(target, out var unknown);
            Measure(run, environment, refresh);
            var noChange = population.NoChange(refresh, unknown);
            Measure(run, environment, noChange);
            var client = new SegmentImportClient(service);
            foreach (var (export, ids) in population.SmallSegmentsBefore(target))
            {
                BenchEnvironment.GoLive(service, target, client.Import(export, ids).Final.SegmentId);
            }

            var small = population.SmallSegmentsRefresh(target);
            Measure(run, environment, small);
            foreach (var scenario in new[] { first, refresh, noChange, small })
            {
                var naive = NaivePeer.Run(environment, scenario, options.NaiveSample, filler);
                run.Naive[scenario] = naive;
                Console.WriteLine($"  naive {scenario.Label}: {naive.Requests:N0} requests; sample {naive.SampleOperations:N0} ids, {naive.SampleRequests:N0} requests in {naive.SampleSeconds:F1} s; estimated {naive.EstimatedSeconds:F0} s");
            }

            if (target == SegmentTargetOption.Outbound)
            {
                (outboundFirst, outboundRefresh) = (first, refresh);
            }
        }

        if (options.EndToEnd)
        {
            Console.WriteLine("End to end: scenario 2 through `segsync push` and the HTTP emulator...");
            run.EndToEnd = EndToEnd.Run(environment, population);
            var e = run.EndToEnd;
            Console.WriteLine($"  exit code {e.ExitCode}, {e.WallSeconds:F1} s: client {e.ClientSeconds:F1} s, HTTP {e.HttpSeconds:F1} s, plug-in {e.PluginSeconds:F1} s, emulator {e.EmulatorSeconds:F1} s");
        }

        Console.WriteLine("Plug-in hot spots...");
        run.HotSpots = HotSpots.Measure(outboundFirst!, outboundRefresh!);

        Console.WriteLine("Emulator probes...");
        run.BigCheck = EmulatorProbe.Check(environment.Dataverse, population.Contacts.Take(Math.Min(options.Scale, 1_000_000)).ToList());
        run.SmallCheck = EmulatorProbe.CheckSmallTable(10_000, repeat: 20);
        run.ScanMs = EmulatorProbe.ScanMs(environment.Dataverse);
        run.HashNsPerId = EmulatorProbe.HashLookupNanosecondsPerId(population.Contacts.Take(options.Scale).ToList());
        Console.WriteLine($"  existence check: {run.BigCheck.MicrosecondsPerId:F2} us/id against {run.BigCheck.TableRows:N0} rows, {run.SmallCheck.MicrosecondsPerId:F2} us/id against {run.SmallCheck.TableRows:N0}; one scan {run.ScanMs:F0} ms");

        if (options.Sweep)
        {
            Console.WriteLine("Request budget sweep (first imports like S1, outbound)...");
            environment.UseTarget(SegmentTargetOption.Outbound);
            run.Sweep = BudgetSweep.Run(environment, population, new[] { 100, 200, 400, 800, 1600 });
        }

        run.Elapsed = total.Elapsed;
        var report = Report.Markdown(run);
        var path = options.Output ?? DefaultOutput(options);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, report);
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"Written to {Path.GetFullPath(path)} ({run.Elapsed.TotalSeconds:F0} s).");
        return 0;
    }

    private static ScenarioResult Measure(BenchRun run, BenchEnvironment environment, Scenario scenario)
    {
        var result = ScenarioRunner.Run(environment, scenario);
        run.Scenarios.Add(result);
        run.BaselineMs[scenario] = Baseline.Milliseconds(scenario);
        var lb = LowerBound.For(scenario);
        Console.WriteLine($"  {scenario.Label}: {result.ApiCalls} Custom API calls, {result.PluginRequestTotal:N0} plug-in requests (lower bound {lb.Total:N0}, ratio {(double)result.PluginRequestTotal / lb.Total:F3}); " +
            $"plug-in CPU {ThreadCpu.Ms(result.PluginCpu):F0} ms (baseline {run.BaselineMs[scenario]:F0} ms), emulator {ThreadCpu.Ms(result.EmulatorCpu):F0} ms; wall {CallRecord.Ms(result.WallTicks) / 1000:F1} s");
        return result;
    }

    private static string DefaultOutput(BenchOptions options)
    {
        var name = options.Quick ? "latest-quick.md" : options.Scale == 1_000_000 ? "latest.md" : $"latest-{options.Scale}.md";
        return Path.Combine(RepositoryRoot(), "bench", "results", name);
    }

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SegmentSync.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }
}
