using System.CommandLine;
using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator;
using SegmentSync.LocalEnvironment;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution;
using SegmentSync.Solution.Installing;

namespace SegmentSync.Cli.Commands;

/// <summary>
/// <c>segsync emulate --solution &lt;zip&gt;</c>: imports a packed solution into the local Dataverse, as a maker would,
/// shows what it installed, and runs a sample import through the zip's own net462 plug-in.
/// </summary>
public static class EmulateCommand
{
    public static Command Create()
    {
        var solution = new Option<string>("--solution") { Description = "The packed solution zip (segsync pack writes out/solution/SegmentSync_managed.zip).", Required = true };
        var contacts = new Option<int>("--contacts") { Description = "Contacts to seed for the sample import.", DefaultValueFactory = _ => 25 };
        var command = new Command("emulate", "Import a packed solution into the local Dataverse emulator and run a sample segment import through it.") { solution, contacts };
        command.SetAction(parse =>
        {
            try
            {
                var zip = Path.GetFullPath(parse.GetValue(solution)!);
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

                var environment = SegmentSyncEnvironment.FromSolution(zip);
                var service = environment.Service();
                var ids = Enumerable.Range(0, parse.GetValue(contacts)).Select(_ => Guid.NewGuid()).ToList();
                environment.Dataverse.Seed(ContactTable.LogicalName, ids.Select(id => new Entity(ContactTable.LogicalName, id) { ["fullname"] = "Contact " + id.ToString("N")[..6] }));
                var export = new SegmentExport("emulate-0001", "Sample segment", "https://contoso.crm.dynamics.com/customerinsights/segments/0001", DateTime.UtcNow.AddMinutes(-5));
                var sent = ids.Select(i => i.ToString()).Append(Guid.NewGuid().ToString()).ToList();
                var outcome = new SegmentImportClient(service).Import(export, sent, batchSize: Math.Max(1, sent.Count / 3));
                var result = outcome.Final;
                Console.WriteLine($"Sample import of {sent.Count} ids in {outcome.ApiCalls} calls: {result.Status}; received {result.MembersReceived}, matched {result.MembersMatched}, ignored {result.MembersIgnored}, added {result.MembersAdded}; segment {result.SegmentId}.");
                return result.Status == "Applied" ? 0 : 1;
            }
            catch (SolutionException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }
}
