using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using SegmentSync.Benchmarks.Profiling;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.WebApi;

namespace SegmentSync.Benchmarks;

/// <summary>Scenario 2 through `segsync push` and the HTTP emulator, and where its time went.</summary>
public sealed class EndToEndResult
{
    public required Scenario Scenario { get; init; }
    public required int ExitCode { get; init; }
    public required string Summary { get; init; }
    public required double WallSeconds { get; init; }
    public required TimeSpan? ClientCpu { get; init; }
    public required int HttpRequests { get; init; }
    public required double ServerSeconds { get; init; }
    public required List<CallRecord> Calls { get; init; }
    public required long ApiCalls { get; init; }
    public required IReadOnlyDictionary<string, long> PluginRequests { get; init; }
    public required double ExportMegabytes { get; init; }

    public double PluginSeconds => Calls.Sum(c => CallRecord.Ms(c.ExclusiveTicks)) / 1000;
    public double EmulatorSeconds => Calls.Sum(c => CallRecord.Ms(c.InnerTicks)) / 1000;

    /// <summary>Server time outside the plug-ins: HTTP, the Web API's JSON, the Custom API dispatch and transaction.</summary>
    public double HttpSeconds => ServerSeconds - Calls.Sum(c => CallRecord.Ms(c.PluginTicks)) / 1000;

    /// <summary>Everything the client waited for that the server did not account for, and its own work.</summary>
    public double ClientSeconds => WallSeconds - ServerSeconds;
}

/// <summary>
/// Runs scenario 2 end to end: the environment is served over HTTP by SegmentSync.WebApi's EmulatorServer (what
/// `segsync emulate --in-memory` runs), hosted in this process so the plug-in's share can be measured, and the
/// export is sent by the real CLI, `segsync push`, in its own process, from a CSV file, with a bearer token.
/// </summary>
public static class EndToEnd
{
    public static EndToEndResult Run(BenchEnvironment environment, Population population)
    {
        const string externalId = "e2e-big";
        environment.UseTarget(SegmentTargetOption.Outbound);
        var service = environment.Service();

        // The Live segment scenario 2 starts from, set up in process (not measured).
        var first = population.FirstImport(SegmentTargetOption.Outbound, externalId, "E1");
        var setup = new SegmentImportClient(service).Import(first.Imports[0].Export, first.Imports[0].Ids);
        BenchEnvironment.GoLive(service, SegmentTargetOption.Outbound, setup.Final.SegmentId);

        var scenario = population.Refresh(SegmentTargetOption.Outbound, out _, externalId);
        var import = scenario.Imports[0];
        var file = Path.Combine(Path.GetTempPath(), $"segsync-bench-{Environment.ProcessId}.csv");
        var stateDir = Path.Combine(Path.GetTempPath(), $"segsync-bench-state-{Environment.ProcessId}");
        using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            writer.WriteLine("ContactId");
            foreach (var id in import.Ids)
            {
                writer.WriteLine(id);
            }
        }

        var megabytes = new FileInfo(file).Length / 1e6;
        var serverTicks = 0L;
        var httpRequests = 0;
        var gate = new object();
        environment.Dataverse.Requests.Reset();
        environment.Profiler.Reset();
        try
        {
            var options = new EmulatorServerOptions
            {
                Interceptor = async (context, next) =>
                {
                    var start = Stopwatch.GetTimestamp();
                    await next(context);
                    lock (gate)
                    {
                        serverTicks += Stopwatch.GetTimestamp() - start;
                        httpRequests++;
                    }
                },
            };
            var server = EmulatorServer.StartAsync(environment.Dataverse, options).GetAwaiter().GetResult();
            try
            {
                var start = new ProcessStartInfo("dotnet")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var argument in new[]
                {
                    SegsyncPath(), "push", file, "--url", server.BaseAddress.ToString(), "--auth", "token", "--json", "--no-resume",
                    "--state-dir", stateDir, "--segment-id", externalId, "--segment-name", import.Export.SegmentName,
                    "--segment-url", import.Export.ExternalSegmentUrl, "--exported-on", import.Export.ExportedOn.ToString("o", CultureInfo.InvariantCulture),
                })
                {
                    start.ArgumentList.Add(argument);
                }

                start.Environment["SEGSYNC_TOKEN"] = server.Token;
                start.Environment["DOTNET_NOLOGO"] = "1";
                var cpuBefore = ChildCpu.Total();
                var watch = Stopwatch.StartNew();
                using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start segsync push.");
                var stderr = process.StandardError.ReadToEndAsync();
                var stdout = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                watch.Stop();
                var cpuAfter = ChildCpu.Total();
                var calls = environment.Profiler.Calls.ToList();
                var dataverse = environment.Dataverse;
                var result = new EndToEndResult
                {
                    Scenario = scenario,
                    ExitCode = process.ExitCode,
                    Summary = process.ExitCode == 0 ? stdout.Trim() : stdout.Trim() + Environment.NewLine + stderr.Result.Trim(),
                    WallSeconds = watch.Elapsed.TotalSeconds,
                    ClientCpu = cpuBefore is { } b && cpuAfter is { } a ? a - b : null,
                    HttpRequests = httpRequests,
                    ServerSeconds = serverTicks / (double)Stopwatch.Frequency,
                    Calls = calls,
                    ApiCalls = dataverse.Requests.CountOf(SegmentImportApi.ImportSegment) + dataverse.Requests.CountOf(SegmentImportApi.ContinueSegmentImport),
                    PluginRequests = dataverse.Requests.FromPluginsByMessage,
                    ExportMegabytes = megabytes,
                };
                if (process.ExitCode == 0 && environment.MemberCount(setup.Final.SegmentId) != import.Expect.Matched)
                {
                    throw new InvalidOperationException($"End to end: the segment has {environment.MemberCount(setup.Final.SegmentId)} members after the push; expected {import.Expect.Matched}.");
                }

                return result;
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            File.Delete(file);
            if (Directory.Exists(stateDir))
            {
                Directory.Delete(stateDir, recursive: true);
            }
        }
    }

    /// <summary>The CLI this benchmark was built with (a build dependency of the project, same configuration).</summary>
    public static string SegsyncPath()
    {
        var configuration = typeof(EndToEnd).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Release";
        var path = Path.Combine(Bench.RepositoryRoot(), "tools", "SegmentSync.Cli", "bin", configuration, "net10.0", "segsync.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"segsync is not built at {path}; build the benchmark project (it builds the CLI).", path);
    }
}
