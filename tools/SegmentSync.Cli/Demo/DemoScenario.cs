using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.LocalEnvironment;
using SegmentSync.Client.Auth;
using SegmentSync.Client.Export;
using SegmentSync.Client.Http;
using SegmentSync.Client.Push;
using SegmentSync.WebApi;
using SegmentSync.Plugins.Schema;
using Spectre.Console;

namespace SegmentSync.Cli.Demo;

/// <summary>
/// The demo story: a segment SegmentSync created from yesterday's export went Live and a maker added someone by
/// hand; today's export arrives in batches, with a duplicate and two ids that match no contact.
/// </summary>
public sealed class DemoScenario(IAnsiConsole console, SegmentTargetOption target)
{
    private static readonly string[] SampleNames =
    [
        "Avery Example", "Blake Sample", "Casey Placeholder", "Devon Demo", "Emery Test",
        "Finley Mock", "Gray Fixture", "Harper Stub", "Indy Dummy", "Jordan Specimen",
    ];

    private static readonly DateTime Yesterday = DateTime.UtcNow.Date.AddDays(-1).AddHours(6);
    private static readonly DateTime Today = DateTime.UtcNow.AddMinutes(-10);

    public void Run(int batchSize) => RunAsync(batchSize).GetAwaiter().GetResult();

    /// <summary>
    /// Starts the emulator's Web API on a free port, then pushes two export files through HTTP with the real client
    /// (segsync push's code): yesterday's creates the segment, today's refreshes it while it is Live.
    /// </summary>
    public async Task RunAsync(int batchSize)
    {
        var environment = SegmentSyncEnvironment.Create();
        environment.SetSetting(SegmentSyncSettings.SegmentTarget, target.ToString());
        // The story has a maker add someone by hand; with the guard's default (Block) that edit would be refused.
        environment.SetSetting(SegmentSyncSettings.GuardMode, "Warn");
        var view = new DemoSegmentView(environment, target);
        var service = environment.Service();
        var contacts = SeedContacts(service);
        await using var server = await EmulatorServer.StartAsync(environment.Dataverse, new EmulatorServerOptions { Port = 0 });
        var folder = Directory.CreateTempSubdirectory("segsync-demo-");
        try
        {
            using var client = new DataverseClient(server.BaseAddress, new StaticTokenProvider(server.Token));
            console.Write(new Rule($"[bold]SegmentSync demo[/] on the local Dataverse emulator ({(target == SegmentTargetOption.RealTime ? "real-time journeys" : "outbound marketing")} segments)").LeftJustified());
            console.MarkupLine($"Web API listening on [bold]{server.BaseAddress.GetLeftPart(UriPartial.Authority)}[/] (bearer token required). Seeded [bold]{contacts.Count}[/] contacts.");

            var yesterdayFile = WriteExport(folder.FullName, "high-value-yesterday.csv", contacts.Take(6).Select(c => c.Id.ToString()));
            var first = await Push(client, yesterdayFile, Yesterday, batchSize, "Yesterday's export");
            var segmentId = first.Final!.SegmentId;
            view.GoLive(segmentId);
            view.AddByHand(segmentId, contacts[8].Id);
            console.MarkupLine("Yesterday's export created the segment; a maker took it [bold]Live[/] and added [bold]Indy Dummy[/] by hand.");
            ShowSegment("Before today's export", view, segmentId, contacts);

            var ids = new List<string>();
            ids.AddRange(contacts.Skip(1).Take(4).Select(c => c.Id.ToString()));
            ids.AddRange(contacts.Skip(6).Take(2).Select(c => "crm" + c.Id));
            ids.Add(contacts[6].Id.ToString("N"));
            ids.Add(Guid.NewGuid().ToString());
            ids.Add(Guid.NewGuid().ToString());
            var todayFile = WriteExport(folder.FullName, "high-value-today.csv", ids);
            console.MarkupLine($"Today's export [bold]{Path.GetFileName(todayFile)}[/]: [bold]{ids.Count}[/] ids (one duplicate, two unknown), pushed over HTTP in batches of {batchSize} while the segment is Live.");
            var outcome = await Push(client, todayFile, Today, batchSize, "Today's export");
            ShowSegment("After today's export", view, segmentId, contacts);
            ShowRun(service, outcome.Final!.ImportId, outcome.ApiCalls);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<SegmentPushResult> Push(DataverseClient client, string file, DateTime exportedOn, int batchSize, string label)
    {
        var export = ExportLoader.Load(new ExportOptions
        {
            Input = file,
            SegmentId = "cid-segment-0042",
            SegmentName = "High-value customers",
            SegmentUrl = "https://contoso.crm.dynamics.com/customerinsights/segments/0042",
            ExportedOn = exportedOn,
        }).ToPush.Single();
        var result = await new SegmentPusher(client, new PushOptions { BatchSize = batchSize }, new DemoProgress(console)).PushAsync(export);
        var f = result.Final!;
        console.MarkupLine($"{label}: [bold]{f.Status}[/] - received {f.MembersReceived}, matched {f.MembersMatched}, ignored {f.MembersIgnored}, added {f.MembersAdded}, removed {f.MembersRemoved} ({result.ApiCalls} HTTP calls, {result.Duration.TotalMilliseconds:0} ms).");
        return result;
    }

    private static string WriteExport(string folder, string name, IEnumerable<string> ids)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, new[] { "CustomerId,ContactId" }.Concat(ids.Select((id, i) => $"cust-{i + 1:0000},{id}")));
        return path;
    }

    private sealed class DemoProgress(IAnsiConsole console) : IPushProgress
    {
        public void Validated(SegmentInfo segment, long ids, int batches) { }

        public void BatchSent(SegmentInfo segment, int batchNumber, int batchCount, ImportResult result) =>
            console.MarkupLine($"  POST segsync_ImportSegment batch {batchNumber}/{batchCount}: {result.Status}");

        public void Applying(SegmentInfo segment, ImportResult result) => console.MarkupLine("  POST segsync_ContinueSegmentImport: Applying");

        public void Note(string message) => console.MarkupLine(Markup.Escape(message));
    }

    private static List<Entity> SeedContacts(IOrganizationService service)
    {
        var contacts = new List<Entity>();
        foreach (var name in SampleNames)
        {
            var contact = new Entity(ContactTable.LogicalName) { ["fullname"] = name };
            contact.Id = service.Create(contact);
            contacts.Add(contact);
        }

        return contacts;
    }

    private void ShowSegment(string title, DemoSegmentView view, Guid segmentId, List<Entity> contacts)
    {
        var general = new Table().AddColumns("General tab", "Value").HideHeaders().Border(TableBorder.Rounded);
        foreach (var (field, value) in view.GeneralTab(segmentId))
        {
            general.AddRow(field, Markup.Escape(value));
        }

        var names = contacts.ToDictionary(c => c.Id, c => c.GetAttributeValue<string>("fullname"));
        var members = new Table().AddColumns("Member", "Contact id").Border(TableBorder.Rounded);
        foreach (var id in view.Members(segmentId).OrderBy(id => names.GetValueOrDefault(id)))
        {
            members.AddRow(Markup.Escape(names.GetValueOrDefault(id) ?? "?"), id.ToString());
        }

        console.Write(new Rule($"[bold]{title}[/]").LeftJustified());
        console.Write(new Columns(general, members));
    }

    private void ShowRun(IOrganizationService service, Guid importId, int apiCalls)
    {
        var run = service.Retrieve(ImportRunTable.LogicalName, importId, new ColumnSet(true));
        int Count(string column) => run.GetAttributeValue<int?>(column) ?? 0;
        var table = new Table().AddColumns("Import run", "Value").HideHeaders().Border(TableBorder.Rounded);
        table.AddRow("Status", ((ImportRunStatusOption)(run.GetAttributeValue<OptionSetValue>(ImportRunTable.Status)?.Value ?? 0)).ToString());
        table.AddRow("Custom API calls", apiCalls.ToString());
        table.AddRow("Members received (distinct)", Count(ImportRunTable.MembersReceived).ToString());
        table.AddRow("Matched (existing contacts)", Count(ImportRunTable.MembersMatched).ToString());
        table.AddRow("Ignored (no such contact)", Count(ImportRunTable.MembersIgnored).ToString());
        table.AddRow("Added", Count(ImportRunTable.MembersAdded).ToString());
        table.AddRow("Removed", Count(ImportRunTable.MembersRemoved).ToString());
        table.AddRow("Message", Markup.Escape(run.GetAttributeValue<string>(ImportRunTable.Message) ?? ""));
        console.Write(new Rule("[bold]Run history[/]").LeftJustified());
        console.Write(table);
    }
}
