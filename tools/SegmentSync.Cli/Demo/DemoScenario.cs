using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.LocalEnvironment;
using SegmentSync.LocalEnvironment.Client;
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

    public void Run(int batchSize)
    {
        var environment = SegmentSyncEnvironment.Create();
        environment.SetSetting(SegmentSyncSettings.SegmentTarget, target.ToString());
        var view = new DemoSegmentView(environment, target);
        var service = environment.Service();
        var client = new SegmentImportClient(service);
        var contacts = SeedContacts(service);

        console.Write(new Rule($"[bold]SegmentSync demo[/] on the local Dataverse emulator ({(target == SegmentTargetOption.RealTime ? "real-time journeys" : "outbound marketing")} segments)").LeftJustified());
        console.MarkupLine($"Seeded [bold]{contacts.Count}[/] contacts.");

        var export = new SegmentExport("cid-segment-0042", "High-value customers", "https://contoso.crm.dynamics.com/customerinsights/segments/0042", Yesterday);
        var first = client.Import(export, contacts.Take(6).Select(c => c.Id.ToString()).ToList());
        var segmentId = first.Final.SegmentId;
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
        console.MarkupLine($"Today's export: [bold]{ids.Count}[/] ids (one duplicate, two unknown), sent in batches of {batchSize}.");

        var outcome = SendInBatches(client, export with { ExportedOn = Today }, ids, batchSize);
        ShowSegment("After today's export", view, segmentId, contacts);
        ShowRun(service, outcome.Final.ImportId, outcome.ApiCalls);
    }

    private ImportOutcome SendInBatches(SegmentImportClient client, SegmentExport export, List<string> ids, int batchSize)
    {
        var batches = ids.Chunk(batchSize).ToList();
        var importId = Guid.NewGuid();
        ImportCallResult result = null!;
        for (var i = 0; i < batches.Count; i++)
        {
            result = client.Send(export, batches[i], importId, i + 1, batches.Count);
            console.MarkupLine($"  batch {i + 1}/{batches.Count}: {result.Status}");
        }

        return client.ContinueUntilDone(result, batches.Count);
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
