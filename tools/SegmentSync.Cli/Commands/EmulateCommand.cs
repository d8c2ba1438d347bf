using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator;
using SegmentSync.LocalEnvironment;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution;
using SegmentSync.Solution.Installing;
using SegmentSync.WebApi;
using SegmentSync.WebApi.Persistence;

namespace SegmentSync.Cli.Commands;

/// <summary>
/// <c>segsync emulate</c>: a local Dataverse Web API on 127.0.0.1 over the emulator with SegmentSync installed
/// (from the built assembly, or from a packed solution with <c>--solution</c>), kept in a SQLite file.
/// <c>--solution &lt;zip&gt; --check</c> imports the zip, shows what it installed and runs a sample import, then exits.
/// </summary>
public static class EmulateCommand
{
    public static Command Create()
    {
        var solution = new Option<string?>("--solution") { Description = "Install SegmentSync from this packed solution zip (segsync pack writes out/solution/SegmentSync_managed.zip) instead of the built plug-in assembly.", HelpName = "zip" };
        var check = new Option<bool>("--check") { Description = "With --solution: show what the zip installs, run a sample import through its plug-in, and exit." };
        var contacts = new Option<int>("--contacts") { Description = "With --check: contacts to seed for the sample import.", DefaultValueFactory = _ => 25, HelpName = "n" };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = a free port).", DefaultValueFactory = _ => 0, HelpName = "n" };
        var db = new Option<string>("--db") { Description = "The SQLite file the organization is kept in; it survives restarts.", DefaultValueFactory = _ => Path.Combine(".segsync", "emulator.db"), HelpName = "path" };
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep nothing on disk." };
        var token = new Option<string?>("--token") { Description = "The bearer token callers must send (default: a random one, printed at start-up).", HelpName = "token" };
        var seed = new Option<string?>("--seed") { Description = "Load contacts from a CSV (contactid, fullname, firstname, lastname, emailaddress1); existing ones are kept.", HelpName = "csv" };
        var target = new Option<string?>("--target") { Description = "Set segsync_SegmentTarget: outbound (msdyncrm_segment) or realtime (real-time journeys).", HelpName = "model" };
        target.AcceptOnlyFromAmong("outbound", "realtime");
        var requests = new Option<int?>("--limit-requests") { Description = "Service protection: requests allowed per window (429 with Retry-After beyond).", HelpName = "n" };
        var window = new Option<int>("--limit-window") { Description = "Service protection window in seconds.", DefaultValueFactory = _ => 300, HelpName = "seconds" };
        var concurrent = new Option<int?>("--limit-concurrent") { Description = "Service protection: concurrent requests allowed.", HelpName = "n" };
        var command = new Command("emulate", "Run a local Dataverse Web API (127.0.0.1) with SegmentSync installed, kept in a SQLite file, for segsync push, flows and scripts.")
        {
            port, db, inMemory, token, seed, target, solution, check, contacts, requests, window, concurrent,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var zip = parse.GetValue(solution) is { } z ? Path.GetFullPath(z) : null;
            try
            {
                if (zip is not null && parse.GetValue(check)) return CheckSolution(zip, parse.GetValue(contacts));
                if (zip is not null) Describe(zip);
                // A kept organization says itself whether the guard is on (its step records); a new one gets it switched on.
                var dbPath = parse.GetValue(inMemory) ? null : parse.GetValue(db)!;
                var guardOn = dbPath is null || !SqliteStore.HasData(dbPath);
                var environment = zip is null ? SegmentSyncEnvironment.Create(guardOn: guardOn) : SegmentSyncEnvironment.FromSolution(zip, guardOn: guardOn);
                using var store = dbPath is null ? null : SqliteStore.Attach(environment.Dataverse, dbPath);
                if (store is not null) Console.WriteLine(store.Restored > 0 ? $"Database: {store.Path} (restored {store.Restored} rows and members)" : $"Database: {store.Path} (new)");
                if (parse.GetValue(target) is { } model) environment.SetSetting(SegmentSyncSettings.SegmentTarget, model == "realtime" ? "RealTime" : "Outbound");
                if (parse.GetValue(seed) is { } seedFile) Console.WriteLine($"Seeded {ContactSeedFile.Seed(environment.Dataverse, seedFile)} contacts from {seedFile}.");
                var options = new EmulatorServerOptions
                {
                    Port = parse.GetValue(port),
                    Token = parse.GetValue(token),
                    Limits = parse.GetValue(requests) is null && parse.GetValue(concurrent) is null ? null : new ServiceProtectionLimits
                    {
                        RequestsPerWindow = parse.GetValue(requests),
                        Window = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(window))),
                        MaxConcurrentRequests = parse.GetValue(concurrent),
                    },
                };
                var integrationToken = EmulatorServer.NewToken();
                options.UserTokens[integrationToken] = environment.IntegrationUser();
                await using var server = await EmulatorServer.StartAsync(environment.Dataverse, options, cancellationToken);
                Console.WriteLine($"Listening on {server.BaseAddress.GetLeftPart(UriPartial.Authority)}");
                Console.WriteLine($"Web API: {server.WebApiAddress}");
                // A generated token is shown so that callers can use it; one given with --token is a secret the caller has.
                Console.WriteLine(parse.GetValue(token) is null ? $"Token: {server.Token} (an administrator)" : "Token: the one given with --token (not shown; an administrator).");
                Console.WriteLine($"Integration token: {integrationToken} (the SegmentSync integration user: may import, refresh and release, not configure the guard)");
                Console.WriteLine("Press Ctrl+C to stop.");
                Console.Out.Flush();
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
                {
                    context.Cancel = true;
                    stop.Cancel();
                });
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine("Stopping.");
                }

                return 0;
            }
            catch (Exception e) when (e is SolutionException or IOException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
            {
                Console.Error.WriteLine($"segsync emulate: error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static InstalledSolution Describe(string zip)
    {
        var packed = PackedSolution.Open(zip);
        Console.WriteLine($"Importing {packed.UniqueName} {packed.Version} ({(packed.IsManaged ? "managed" : "unmanaged")}) from {zip}");
        var probe = SolutionInstaller.Install(new InMemoryDataverse(), packed);
        var assembly = probe.PluginAssembly;
        var framework = assembly.GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false)
            .OfType<System.Runtime.Versioning.TargetFrameworkAttribute>().FirstOrDefault()?.FrameworkName ?? "unknown";
        Console.WriteLine($"Plug-in assembly: {assembly.GetName().FullName} ({framework})");
        foreach (var type in probe.PluginTypes.Values.OrderBy(t => t.FullName, StringComparer.Ordinal)) Console.WriteLine($"  plug-in type  {type.FullName}");
        foreach (var api in probe.CustomApis) Console.WriteLine($"  Custom API    {api.UniqueName} ({api.RequestParameters.Count} parameters, {api.ResponseProperties.Count} properties, privilege {api.ExecutePrivilegeName}) -> {probe.CustomApiPlugins[api.UniqueName].FullName}");
        foreach (var step in probe.Steps) Console.WriteLine($"  step          {step.Name}");
        foreach (var table in probe.Tables) Console.WriteLine($"  table         {table.LogicalName} ({table.Columns.Count} columns)");
        foreach (var (name, value) in probe.EnvironmentVariables) Console.WriteLine($"  setting       {name} = {value} (default)");
        return probe;
    }

    private static int CheckSolution(string zip, int contactCount)
    {
        Describe(zip);
        var environment = SegmentSyncEnvironment.FromSolution(zip);
        var service = environment.Service();
        var ids = Enumerable.Range(0, contactCount).Select(_ => Guid.NewGuid()).ToList();
        environment.Dataverse.Seed(ContactTable.LogicalName, ids.Select(id => new Entity(ContactTable.LogicalName, id) { ["fullname"] = "Contact " + id.ToString("N")[..6] }));
        var export = new SegmentExport("emulate-0001", "Sample segment", "https://contoso.crm.dynamics.com/customerinsights/segments/0001", DateTime.UtcNow.AddMinutes(-5));
        var sent = ids.Select(i => i.ToString()).Append(Guid.NewGuid().ToString()).ToList();
        var outcome = new SegmentImportClient(service).Import(export, sent, batchSize: Math.Max(1, sent.Count / 3));
        var result = outcome.Final;
        Console.WriteLine($"Sample import of {sent.Count} ids in {outcome.ApiCalls} calls: {result.Status}; received {result.MembersReceived}, matched {result.MembersMatched}, ignored {result.MembersIgnored}, added {result.MembersAdded}; segment {result.SegmentId}.");
        return result.Status == "Applied" ? 0 : 1;
    }
}
