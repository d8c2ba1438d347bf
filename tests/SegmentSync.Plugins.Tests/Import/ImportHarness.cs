using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.LocalEnvironment;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Tests.Import;

/// <summary>A local environment with contacts, and the reads the import tests assert on.</summary>
public sealed class ImportHarness
{
    public static readonly DateTime T0 = DateTime.UtcNow.Date.AddDays(-1);

    public ImportHarness(int contactCount = 20)
    {
        Environment = SegmentSyncEnvironment.Create();
        Service = Environment.Service();
        Client = new SegmentImportClient(Service);
        Contacts = Enumerable.Range(0, contactCount).Select(_ => Guid.NewGuid()).ToList();
        Environment.Dataverse.Seed(ContactTable.LogicalName, Contacts.Select(id => new Entity(ContactTable.LogicalName, id) { ["fullname"] = "Contact " + id.ToString("N")[..6] }));
    }

    public SegmentSyncEnvironment Environment { get; }
    public IOrganizationService Service { get; }
    public SegmentImportClient Client { get; }
    public List<Guid> Contacts { get; }

    public static SegmentExport Export(string externalId = "seg-1", DateTime? exportedOn = null, string name = "High value") =>
        new(externalId, name, "https://contoso.crm.dynamics.com/segments/" + externalId, exportedOn ?? T0);

    public static List<string> Ids(IEnumerable<Guid> ids) => ids.Select(i => i.ToString()).ToList();

    public ImportOutcome Import(IEnumerable<Guid> members, string externalId = "seg-1", DateTime? exportedOn = null, int batchSize = 10000, string name = "High value") =>
        Client.Import(Export(externalId, exportedOn, name), Ids(members), batchSize);

    public HashSet<Guid> MembersOf(Guid segmentId) => Environment.Outbound.MembersOf(segmentId).ToHashSet();

    public Entity Segment(Guid segmentId) => Service.Retrieve(OutboundSegmentTable.LogicalName, segmentId, new ColumnSet(true));

    public List<Entity> All(string table) =>
        Service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(true) }).Entities.ToList();

    public void SetStatus(Guid segmentId, int statusCode) =>
        Service.Update(new Entity(OutboundSegmentTable.LogicalName, segmentId) { [OutboundSegmentTable.StatusCode] = new OptionSetValue(statusCode) });

    public void GoLive(Guid segmentId) => SetStatus(segmentId, OutboundSegmentTable.StatusLive);

    public void SendMemberMessage(string message, Guid segmentId, params Guid[] contactIds)
    {
        var request = new OrganizationRequest(message);
        request[OutboundSegmentTable.MessageSegmentIdParameter] = segmentId.ToString();
        request[OutboundSegmentTable.MessageMemberIdsParameter] = "[" + string.Join(",", contactIds.Select(c => "\"" + c + "\"")) + "]";
        Service.Execute(request);
    }

    /// <summary>Every row of every table the import touches, as text: equal fingerprints mean nothing changed.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var table in new[] { ContactTable.LogicalName, OutboundSegmentTable.LogicalName, ExternalSegmentTable.LogicalName, ImportRunTable.LogicalName, ImportBatchTable.LogicalName })
        {
            foreach (var row in All(table).OrderBy(r => r.Id))
            {
                text.Append(table).Append(' ').Append(row.Id);
                foreach (var attribute in row.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    text.Append(' ').Append(attribute.Key).Append('=').Append(Describe(attribute.Value));
                }

                text.AppendLine();
            }
        }

        foreach (var segment in All(OutboundSegmentTable.LogicalName).OrderBy(r => r.Id))
        {
            text.Append("members ").Append(segment.Id).Append(' ').AppendJoin(',', MembersOf(segment.Id).OrderBy(i => i)).AppendLine();
        }

        return text.ToString();
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
        EntityReference r => r.LogicalName + ":" + r.Id,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
