using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SegmentSync.Benchmarks.Profiling;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Benchmarks;

/// <summary>The results as a Markdown document: the table of issue 5, the lower bounds, the targets and the details.</summary>
public static class Report
{
    public const double RequestTarget = 1.10;
    public const double CpuTarget = 5.0;
    public const long BatchCallMemoryTarget = 64L * 1024 * 1024;
    public const double LatencyFactor = 10;
    public const double PluginTimeLimitSeconds = 120;
    public const double AssumedDataverseLatencyMs = 100;

    private static readonly string[] MessageOrder =
    {
        "RetrieveMultiple", "Retrieve", "Create", "Update", "BulkDelete", "msdyncrm_IncludeMembersInSegment", "msdyncrm_ExcludeMembersFromSegment",
        "msdyncrm_IncludeMemberInSegment", "msdyncrm_ExcludeMemberFromSegment", "msdynmkt_ListGroupMembers", "msdynmkt_AddStaticMembers", "msdynmkt_RemoveStaticMembers",
        "msdynmkt_PublishSegmentDefinition",
    };

    public static string Markdown(BenchRun run)
    {
        var o = run.Options;
        var md = new StringBuilder();
        md.AppendLine($"# SegmentSync benchmark results ({(o.Quick ? "--quick, " : string.Empty)}scale {o.Scale:N0})");
        md.AppendLine();
        md.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; " +
            $"code: {o.Label ?? ((Git("rev-parse --short HEAD") ?? "unknown commit") + (Git("status --porcelain -- src") is { Length: > 0 } ? " with uncommitted changes in src/" : string.Empty))}; " +
            $"{run.ContactRows:N0} contacts seeded in {run.SeedSeconds:F1} s; whole run {run.Elapsed.TotalSeconds:F0} s. " +
            $"Command: `dotnet run -c Release --project bench/SegmentSync.Benchmarks{(o.Quick ? " -- --quick" : string.Empty)}`.");
        md.AppendLine();
        md.AppendLine($"Fidelity check: every scenario on both segment models at {run.Fidelity.Scale:N0} ({run.Fidelity.SmallSegments} small segments) issued the same {run.Fidelity.Requests:N0} plug-in requests and {run.Fidelity.ApiCalls} Custom API calls, message by message, " +
            "on `SegmentSyncEnvironment.Create()` and on the benchmark environment. Times are thread CPU time" + (ThreadCpu.Available ? string.Empty : " (unavailable here: wall time)") + ", single-threaded, in one process.");
        md.AppendLine();
        foreach (var r in run.For(SegmentTargetOption.Outbound))
        {
            md.AppendLine($"- **{r.Scenario.Key}**: {r.Scenario.Title}.");
        }

        md.AppendLine();
        md.AppendLine("S1-S4 run on outbound marketing's msdyncrm_segment (`segsync_SegmentTarget` = Outbound), R1-R4 are the same scenarios on real-time journeys (`Auto`, the default in an environment that has both models). " +
            $"Contacts: {run.ContactRows:N0} rows (the {o.Scale:N0} of the big segment and the {o.Scale * 3 / 100:N0} that S2 adds).");
        md.AppendLine();
        foreach (var target in Bench.Targets)
        {
            var results = run.For(target).ToList();
            if (results.Count == 0)
            {
                continue;
            }

            md.AppendLine(target == SegmentTargetOption.Outbound ? "## Results: msdyncrm_segment (outbound marketing)" : "## Results: real-time journeys (msdynmkt_segmentdefinition)");
            md.AppendLine();
            ResultsTable(md, run, results);
            md.AppendLine();
        }

        md.AppendLine("Memory of one call: bytes allocated on the thread during the plug-in's Execute (GC.GetAllocatedBytesForCurrentThread), which bounds its peak from above; heap growth is sampled (GC.GetTotalMemory) at every request the plug-in issues, relative to the start of the call, and includes garbage not yet collected. " +
            "\"At 10x the emulator's latency\": the call's plug-in CPU plus ten times the CPU the emulator spent on it (its requests and the Custom API request itself). " +
            "\"Naive / ours\" counts every Dataverse request on both sides (our Custom API calls and the requests our plug-ins issue); the service protection limit counts only requests from outside Dataverse, which for SegmentSync are the Custom API calls.");
        md.AppendLine();

        md.AppendLine("## Lower bound, term by term");
        md.AppendLine();
        md.AppendLine("| | receive (2 a call) | read staged ids back | list current members | existence checks | includes | excludes | segment writes | **total** | ours |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in run.Scenarios)
        {
            var lb = LowerBound.For(r.Scenario);
            md.AppendLine($"| {r.Scenario.Label} | {N(lb.Receive)} | {N(lb.ReadBack)} | {N(lb.ListCurrent)} | {N(lb.Checks)} | {N(lb.Includes)} | {N(lb.Excludes)} | {N(lb.SegmentWrites)} | **{N(lb.Total)}** | {N(r.PluginRequestTotal)} |");
        }

        md.AppendLine();
        md.AppendLine("Derivation: docs/PERFORMANCE.md, \"The lower bound\".");
        md.AppendLine();

        md.AppendLine("## Targets");
        md.AppendLine();
        foreach (var line in Targets(run))
        {
            md.AppendLine("- " + line);
        }

        md.AppendLine();
        md.AppendLine("## Where the plug-in's CPU goes (domain steps timed directly, S1/S2 sizes)");
        md.AppendLine();
        md.AppendLine("| step | runs in | CPU (ms) | size |");
        md.AppendLine("|---|---|---:|---|");
        foreach (var step in run.HotSpots)
        {
            md.AppendLine($"| {step.Name} | {step.Where} | {step.Ms:F0} | {step.Note} |");
        }

        md.AppendLine();
        md.AppendLine("## The calls of the big imports");
        md.AppendLine();
        md.AppendLine("| scenario | call | status | requests | plug-in CPU (ms) | emulator CPU (ms) | plug-in allocated (MB) | heap growth (MB) |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in run.Scenarios.Where(r => r.Scenario.Key is "S1" or "S2" or "S3"))
        {
            var batches = r.Calls.Where(c => c.Status == "Receiving").ToList();
            if (batches.Count > 0)
            {
                md.AppendLine($"| {r.Scenario.Label} | {batches.Count} batch calls, mean | Receiving | {batches.Average(c => c.RequestCount):F1} | {batches.Average(c => c.ExclusiveCpu) / 1e6:F1} | {batches.Average(c => c.EmulatorCpu) / 1e6:F1} | {batches.Average(c => c.ExclusiveAllocated) / 1e6:F1} | {batches.Average(c => c.PeakHeapGrowth) / 1e6:F1} |");
            }

            var i = 0;
            foreach (var c in r.Calls.Where(c => c.Status != "Receiving"))
            {
                md.AppendLine($"| {r.Scenario.Label} | {(i++ == 0 ? "last batch" : "continue " + (i - 1))} | {c.Status} | {c.RequestCount} | {c.ExclusiveCpu / 1e6:F0} | {c.EmulatorCpu / 1e6:F0} | {c.ExclusiveAllocated / 1e6:F0} | {c.PeakHeapGrowth / 1e6:F0} |");
            }
        }

        md.AppendLine();
        md.AppendLine("## Requests in order: one small refresh (the first of S4 and of R4), and the applying call of S2 and R2");
        md.AppendLine();
        foreach (var r in run.Scenarios.Where(r => r.Scenario.Key == "S4"))
        {
            var call = r.Calls.FirstOrDefault();
            if (call != null)
            {
                md.AppendLine($"- {r.Scenario.Label} ({call.RequestCount} requests, lower bound {LowerBound.For(r.Scenario.Imports[0]).Total}): " + string.Join(" → ", call.Sequence.Select(q => "`" + q + "`")));
            }
        }

        foreach (var r in run.Scenarios.Where(r => r.Scenario.Key == "S2"))
        {
            var call = r.Calls.FirstOrDefault(c => c.Status != "Receiving");
            if (call != null)
            {
                var omitted = call.RequestCount - call.Sequence.Count - call.Tail.Count;
                md.AppendLine($"- {r.Scenario.Label}, the call that plans and applies ({call.RequestCount} requests): " + string.Join(" → ", Collapse(call.Sequence).Select(q => "`" + q + "`")) +
                    (call.Tail.Count == 0 ? string.Empty : $" → … {omitted} more … → " + string.Join(" → ", Collapse(call.Tail.ToList()).Select(q => "`" + q + "`"))));
            }
        }

        md.AppendLine();
        md.AppendLine("## Emulator CPU per request, by message (mean over all scenarios)");
        md.AppendLine();
        md.AppendLine("| message | requests | µs per request |");
        md.AppendLine("|---|---:|---:|");
        foreach (var message in Messages(run.Scenarios.Select(r => r.PluginRequests)))
        {
            var count = run.Scenarios.Sum(r => r.Calls.Sum(c => (long)c.Requests.GetValueOrDefault(message)));
            var cpu = run.Scenarios.Sum(r => r.Calls.Sum(c => c.RequestCpu.GetValueOrDefault(message)));
            md.AppendLine($"| {message} | {N(count)} | {(count == 0 ? 0 : cpu / 1000.0 / count):F0} |");
        }

        md.AppendLine();
        if (run.Sweep.Count > 0)
        {
            md.AppendLine("## Request budget (segsync_RequestBudget) sweep: first import of " + N(o.Scale) + " members into msdyncrm_segment");
            md.AppendLine();
            md.AppendLine($"| budget | Custom API calls | plug-in requests | ours / lower bound | largest call (requests) | longest call CPU (s) | at 10x emulator latency (s) | at {AssumedDataverseLatencyMs:F0} ms a request (s) | plug-in CPU (s) |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in run.Sweep)
            {
                var r = row.Result;
                md.AppendLine($"| {row.Budget} | {r.ApiCalls} | {N(r.PluginRequestTotal)} | {(double)r.PluginRequestTotal / row.LowerBound.Total:F3} | {r.Calls.Max(c => c.RequestCount)} | {r.Calls.Max(c => c.ClientCpu) / 1e9:F2} | {MaxAt10x(r):F1} | " +
                    $"{r.Calls.Max(c => c.ExclusiveCpu / 1e9 + c.RequestCount * AssumedDataverseLatencyMs / 1000):F1} | {r.PluginCpu / 1e9:F2} |");
            }

            md.AppendLine();
        }

        md.AppendLine("## Emulator");
        md.AppendLine();
        if (run.BigCheck is { } big && run.SmallCheck is { } small)
        {
            md.AppendLine($"- Existence check of {N(big.Ids)} ids against {N(big.TableRows)} contacts, {big.Queries} In-queries of 5,000: {big.CpuMs / 1000:F2} s CPU ({big.MicrosecondsPerId:F2} µs an id). " +
                $"Against {N(small.TableRows)} contacts: {small.MicrosecondsPerId:F2} µs an id. One query without an index (full scan of {N(big.TableRows)} rows): {run.ScanMs:F0} ms. A bare HashSet lookup: {run.HashNsPerId:F0} ns an id.");
        }


        md.AppendLine();
        md.AppendLine("## Naive peer");
        md.AppendLine();
        md.AppendLine("| | requests | Retrieve (checks) | membership requests (1 id each) | other | sample: ids checked / requests / s | whole scenario (s, extrapolated) |");
        md.AppendLine("|---|---:|---:|---:|---:|---|---:|");
        foreach (var r in run.Scenarios)
        {
            var n = run.Naive[r.Scenario];
            var retrieve = n.ByMessage.GetValueOrDefault("Retrieve");
            var membership = n.ByMessage.Where(kv => kv.Key.Contains("Member", StringComparison.Ordinal)).Sum(kv => kv.Value);
            md.AppendLine($"| {r.Scenario.Label} | {N(n.Requests)} | {N(retrieve)} | {N(membership)} | {N(n.Requests - retrieve - membership)} | {N(n.SampleOperations)} / {N(n.SampleRequests)} / {n.SampleSeconds:F1} | {n.EstimatedSeconds:F0} |");
        }

        md.AppendLine();
        EndToEndSection(md, run);
        return md.ToString();
    }

    private static void ResultsTable(StringBuilder md, BenchRun run, List<ScenarioResult> results)
    {
        md.AppendLine("| | " + string.Join(" | ", results.Select(r => r.Scenario.Label)) + " | target |");
        md.AppendLine("|---|" + string.Concat(results.Select(_ => "---:|")) + "---|");
        void Row(string name, Func<ScenarioResult, string> value, string target = "")
        {
            md.AppendLine($"| {name} | " + string.Join(" | ", results.Select(value)) + $" | {target} |");
        }

        Row("ids sent", r => N(r.Scenario.Ids));
        Row("Custom API calls", r => N(r.ApiCalls));
        Row("**Dataverse requests by the plug-ins**", r => "**" + N(r.PluginRequestTotal) + "**");
        foreach (var message in Messages(results.Select(r => r.PluginRequests)))
        {
            Row("&nbsp;&nbsp;" + message, r => N(r.PluginRequests.GetValueOrDefault(message)));
        }

        Row("lower bound (requests)", r => N(LowerBound.For(r.Scenario).Total));
        Row("**ours / lower bound**", r => Mark(Ratio(r), Ratio(r) <= RequestTarget), $"≤ {RequestTarget:F2}");
        Row("membership requests", r => r.Scenario.Key == "S3" ? Mark(N(Membership(r)), Membership(r) == 0) : N(Membership(r)), "no change: 0");
        Row("naive peer: requests", r => N(run.Naive[r.Scenario].Requests));
        Row("**naive / ours** (all requests)", r => F((double)run.Naive[r.Scenario].Requests / (r.ApiCalls + r.PluginRequestTotal), 1));
        Row("external requests: naive / ours (Custom API calls)", r => N(run.Naive[r.Scenario].Requests) + " / " + N(r.ApiCalls));
        Row("minutes the 6,000-per-5-minutes limit imposes: ours / naive", r => F(r.ApiCalls / 6000.0 * 5, 2) + " / " + F(run.Naive[r.Scenario].Requests / 6000.0 * 5, 0));
        Row("plug-in CPU per 1,000,000 ids (s)", r => F(PerMillion(r, ThreadCpu.Ms(r.PluginCpu)) / 1000, 2));
        Row("bare baseline per 1,000,000 ids (s)", r => F(PerMillion(r, run.BaselineMs[r.Scenario]) / 1000, 2));
        Row("**plug-in CPU / baseline**", r => Mark(F(CpuRatio(run, r), 2), CpuRatio(run, r) <= CpuTarget), $"≤ {CpuTarget:F0}");
        Row("&nbsp;&nbsp;of which GC pauses in plug-in code (s, wall)", r => F(r.PluginGcPause.TotalSeconds, 2));
        Row("memory of one call, largest: allocated by the plug-in / incl. emulator (MB)", r => MB(r.Calls.Max(c => c.ExclusiveAllocated)) + " / " + MB(r.Calls.Max(c => c.PluginAllocated)));
        Row("peak managed heap growth in one call (MB, sampled, incl. garbage)", r => MB(r.Calls.Max(c => c.PeakHeapGrowth)));
        Row("**batch call with 10,000 ids: allocated incl. emulator (MB)**", r => BatchCalls(r).Any() ? Mark(MB(BatchCalls(r).Max(c => c.PluginAllocated)), BatchCalls(r).Max(c => c.PluginAllocated) < BatchCallMemoryTarget) : "-", "< 64");
        Row("longest call: CPU (s) / requests", r => F(r.Calls.Max(c => c.ClientCpu) / 1e9, 2) + " / " + N(r.Calls.MaxBy(c => c.ClientCpu)!.RequestCount));
        Row("**longest call at 10x the emulator's latency (s)**", r => Mark(F(MaxAt10x(r), 1), MaxAt10x(r) < PluginTimeLimitSeconds / 2), "< 60 (half of 120)");
        Row($"longest call at {AssumedDataverseLatencyMs:F0} ms a request (s)", r => F(r.Calls.Max(c => c.ExclusiveCpu / 1e9 + c.RequestCount * AssumedDataverseLatencyMs / 1000), 1));
        Row("CPU: client / emulator / plug-in (s)", r => $"{r.ClientCpu / 1e9:F1} / {r.EmulatorCpu / 1e9:F1} / {r.PluginCpu / 1e9:F1}");
        Row("wall time (s)", r => F(CallRecord.Ms(r.WallTicks) / 1000, 1));
        Row("naive peer: wall time (s, extrapolated from a sample)", r => F(run.Naive[r.Scenario].EstimatedSeconds, 0));
    }

    private static void EndToEndSection(StringBuilder md, BenchRun run)
    {
        md.AppendLine("## End to end: scenario 2 through `segsync push` and the HTTP emulator");
        md.AppendLine();
        if (run.EndToEnd is not { } e)
        {
            md.AppendLine("Not run (--no-e2e).");
            return;
        }

        md.AppendLine($"`segsync push` (the CLI, in its own process) read a {e.ExportMegabytes:F0} MB CSV export of {N(e.Scenario.Ids)} ids and sent it with a bearer token to the Web API emulator " +
            "(SegmentSync.WebApi's EmulatorServer, what `segsync emulate --in-memory` runs, hosted in the benchmark's process over the same profiled environment) on 127.0.0.1; the segment was the Live " +
            $"{N(run.Options.Scale)}-member msdyncrm_segment of a first import (set up in process, not measured). Exit code {e.ExitCode} ({(e.ExitCode == 0 ? "completed" : "FAILED")}).");
        md.AppendLine();
        md.AppendLine("| where the time went | seconds (wall) | share |");
        md.AppendLine("|---|---:|---:|");
        void Line(string name, double seconds) => md.AppendLine($"| {name} | {seconds:F1} | {seconds / e.WallSeconds * 100:F0}% |");
        Line("client: `segsync push` (start-up, reading and checking the CSV, JSON) and the network, i.e. time the server did not see", e.ClientSeconds);
        Line("HTTP: Kestrel, the Web API's JSON (10,000 ids a request), the Custom API dispatch and transaction", e.HttpSeconds);
        Line("plug-in: SegmentSync's own code", e.PluginSeconds);
        Line("emulator: the requests the plug-in issued", e.EmulatorSeconds);
        md.AppendLine($"| **total** | **{e.WallSeconds:F1}** | |");
        md.AppendLine();
        md.AppendLine($"{e.HttpRequests} HTTP requests, {e.ApiCalls} of them Custom API calls; the plug-ins issued {N(e.PluginRequests.Values.Sum())} requests ({string.Join(", ", e.PluginRequests.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + " " + N(kv.Value)))}). " +
            (e.ClientCpu is { } cpu ? $"`segsync push` used {cpu.TotalSeconds:F1} s of CPU. " : string.Empty) +
            "The push summary:");
        md.AppendLine();
        md.AppendLine("```json");
        md.AppendLine(e.Summary);
        md.AppendLine("```");
    }

    /// <summary>Runs of the same request written once with a count: "RetrieveMultiple contact ×19".</summary>
    private static IEnumerable<string> Collapse(IReadOnlyList<string> sequence)
    {
        for (var i = 0; i < sequence.Count;)
        {
            var j = i;
            while (j < sequence.Count && sequence[j] == sequence[i])
            {
                j++;
            }

            yield return j - i > 1 ? $"{sequence[i]} ×{j - i}" : sequence[i];
            i = j;
        }
    }

    private static IEnumerable<string> Targets(BenchRun run)
    {
        var results = run.Scenarios;
        foreach (var r in results)
        {
            var ratio = (double)r.PluginRequestTotal / LowerBound.For(r.Scenario).Total;
            yield return $"{Ok(ratio <= RequestTarget)} {r.Scenario.Label} requests {N(r.PluginRequestTotal)} = {ratio:F3} x the lower bound {N(LowerBound.For(r.Scenario).Total)} (target ≤ {RequestTarget:F2}).";
        }

        foreach (var s3 in results.Where(r => r.Scenario.Key == "S3"))
        {
            yield return $"{Ok(Membership(s3) == 0)} {s3.Scenario.Label} (no change): {Membership(s3)} membership requests (target 0).";
        }

        foreach (var r in results)
        {
            var ratio = CpuRatio(run, r);
            yield return $"{Ok(ratio <= CpuTarget)} {r.Scenario.Label} plug-in CPU {ThreadCpu.Ms(r.PluginCpu) / 1000:F2} s = {ratio:F2} x the bare parse+diff baseline {run.BaselineMs[r.Scenario] / 1000:F2} s (target ≤ {CpuTarget:F0}).";
        }

        var batchCalls = results.SelectMany(BatchCalls).ToList();
        if (batchCalls.Count > 0)
        {
            var max = batchCalls.Max(c => c.PluginAllocated);
            yield return $"{Ok(max < BatchCallMemoryTarget)} A call with 10,000 ids allocates at most {MB(max)} MB in all (plug-in and emulator; {MB(batchCalls.Max(c => c.ExclusiveAllocated))} MB by the plug-in), over {batchCalls.Count} such calls (target < 64 MB).";
        }

        if (run.BigCheck is { } big && run.SmallCheck is { } small)
        {
            var indexed = big.MicrosecondsPerId <= 2 * small.MicrosecondsPerId;
            yield return $"{Ok(indexed)} Existence check: {N(big.Ids)} ids against {N(big.TableRows)} contacts in {big.Queries} batched queries, {big.CpuMs / 1000:F2} s, {big.MicrosecondsPerId:F2} µs an id, against {small.MicrosecondsPerId:F2} µs an id on a {N(small.TableRows)}-row table (indexed: the cost per id does not grow with the table; a scan takes {run.ScanMs:F0} ms a query).";
        }

        var longest = results.Max(MaxAt10x);
        yield return $"{Ok(longest < PluginTimeLimitSeconds / 2)} Longest call at 10x the emulator's latency: {longest:F1} s (limit 120 s).";

        if (run.EndToEnd is { } e2e)
        {
            yield return $"{Ok(e2e.ExitCode == 0)} End to end: scenario 2 through `segsync push` and the HTTP emulator {(e2e.ExitCode == 0 ? "completed" : "failed")} in {e2e.WallSeconds:F1} s on this machine: client {e2e.ClientSeconds:F1} s, HTTP {e2e.HttpSeconds:F1} s, plug-in {e2e.PluginSeconds:F1} s, emulator {e2e.EmulatorSeconds:F1} s.";
        }
        else
        {
            yield return "– End to end through `segsync push` and the HTTP emulator: not run (--no-e2e).";
        }
    }

    private static long Membership(ScenarioResult r) => r.PluginRequests.Where(kv => kv.Key.Contains("Member", StringComparison.Ordinal) && !kv.Key.Contains("List", StringComparison.Ordinal)).Sum(kv => kv.Value);

    private static IEnumerable<CallRecord> BatchCalls(ScenarioResult r) => r.Calls.Where(c => c.Status == "Receiving");

    private static double Ratio(ScenarioResult r) => (double)r.PluginRequestTotal / LowerBound.For(r.Scenario).Total;

    private static string Ratio(ScenarioResult r, int digits = 3) => Ratio(r).ToString("F" + digits, CultureInfo.InvariantCulture);

    private static string Mark(double value, bool ok) => Mark(value.ToString("F3", CultureInfo.InvariantCulture), ok);

    private static string Mark(string value, bool ok) => value + (ok ? " ✓" : " ✗");

    private static string Ok(bool ok) => ok ? "✓" : "✗";

    private static double CpuRatio(BenchRun run, ScenarioResult r) => ThreadCpu.Ms(r.PluginCpu) / run.BaselineMs[r.Scenario];

    private static double PerMillion(ScenarioResult r, double ms) => ms * 1_000_000 / r.Scenario.Ids;

    private static double MaxAt10x(ScenarioResult r) => r.Calls.Max(c => c.CpuAtLatencyFactor(LatencyFactor)) / 1e9;

    private static IEnumerable<string> Messages(IEnumerable<IReadOnlyDictionary<string, long>> counts)
    {
        var names = counts.SelectMany(c => c.Keys).Distinct().ToList();
        return names.OrderBy(n => Array.IndexOf(MessageOrder, n) is var i && i < 0 ? int.MaxValue : i).ThenBy(n => n, StringComparer.Ordinal);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int digits) => value.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static string MB(long bytes) => (bytes / 1e6).ToString("F0", CultureInfo.InvariantCulture);

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Bench.RepositoryRoot(),
            };
            using var process = Process.Start(start);
            if (process == null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
