using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.LocalEnvironment;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Targets;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Tests.Import;

/// <summary>A segment as a maker sees it, whichever model holds it.</summary>
public sealed record SegmentView(string Name, bool IsDraft, bool IsLive, bool FromCustomerInsights, string? Url, string? Description, int Size);

/// <summary>
/// A local environment with contacts, SegmentSync writing to <see cref="Target"/>, and the reads and maker actions
/// the import tests use, the same for both segment models.
/// </summary>
public sealed partial class ImportHarness
{
    public static readonly DateTime T0 = DateTime.UtcNow.Date.AddDays(-1);

    public ImportHarness(int contactCount = 20, SegmentTargetOption target = SegmentTargetOption.Outbound)
    {
        Target = target;
        Environment = CreateEnvironment();
        Environment.SetSetting(SegmentSyncSettings.SegmentTarget, target.ToString());
        Service = Environment.Service();
        Client = new SegmentImportClient(Service);
        Contacts = Enumerable.Range(0, contactCount).Select(_ => Guid.NewGuid()).ToList();
        Environment.Dataverse.Seed(ContactTable.LogicalName, Contacts.Select(id => new Entity(ContactTable.LogicalName, id) { ["fullname"] = "Contact " + id.ToString("N")[..6] }));
    }

    /// <summary>
    /// The environment: <see cref="SegmentSyncEnvironment.Create"/> here. A project that links these tests may provide
    /// another (SegmentSync.Solution.Tests runs them on an environment into which the packed solution was imported).
    /// </summary>
    private static SegmentSyncEnvironment CreateEnvironment()
    {
        SegmentSyncEnvironment? provided = null;
        ProvideEnvironment(ref provided);
        return provided ?? SegmentSyncEnvironment.Create();
    }

    static partial void ProvideEnvironment(ref SegmentSyncEnvironment? environment);

    public SegmentTargetOption Target { get; }
    public bool IsRealTime => Target == SegmentTargetOption.RealTime;
    public SegmentSyncEnvironment Environment { get; }
    public IOrganizationService Service { get; }
    public SegmentImportClient Client { get; }
    public List<Guid> Contacts { get; }

    public static SegmentExport Export(string externalId = "seg-1", DateTime? exportedOn = null, string name = "High value") =>
        new(externalId, name, "https://contoso.crm.dynamics.com/segments/" + externalId, exportedOn ?? T0);

    public static List<string> Ids(IEnumerable<Guid> ids) => ids.Select(i => i.ToString()).ToList();

    public ImportOutcome Import(IEnumerable<Guid> members, string externalId = "seg-1", DateTime? exportedOn = null, int batchSize = 10000, string name = "High value") =>
        Client.Import(Export(externalId, exportedOn, name), Ids(members), batchSize);

    public HashSet<Guid> MembersOf(Guid segmentId) => Environment.MembersOf(segmentId).ToHashSet();

    public Entity Segment(Guid segmentId) => Service.Retrieve(OutboundSegmentTable.LogicalName, segmentId, new ColumnSet(true));

    public string SegmentTable => IsRealTime ? R.Definition : S.LogicalName;

    public int SegmentCount => All(SegmentTable).Count;

    public SegmentView View(Guid segmentId)
    {
        if (!IsRealTime)
        {
            var row = Segment(segmentId);
            var status = row.GetAttributeValue<OptionSetValue>(S.StatusCode).Value;
            return new SegmentView(row.GetAttributeValue<string>(S.Name), status == S.StatusDraft, status == S.StatusLive,
                row.GetAttributeValue<OptionSetValue>(S.ExternalSource)?.Value == S.ExternalSourceCustomerInsights,
                row.GetAttributeValue<string>(S.ExternalSegmentUrl), row.GetAttributeValue<string>(S.Description), row.GetAttributeValue<int>(S.SegmentSize));
        }

        var definition = Service.Retrieve(R.Definition, segmentId, new ColumnSet(true));
        var definitionStatus = definition.GetAttributeValue<OptionSetValue>(R.StatusCode).Value;
        var external = All(ExternalSegmentTable.LogicalName).SingleOrDefault(e => e.GetAttributeValue<string>(ExternalSegmentTable.TargetSegmentId) == segmentId.ToString("D"));
        return new SegmentView(definition.GetAttributeValue<string>(R.DefinitionName), definitionStatus == R.DefinitionStatusDraft, definitionStatus == R.DefinitionStatusLive,
            external != null, external?.GetAttributeValue<string>(ExternalSegmentTable.ExternalUrl), external?.GetAttributeValue<string>(ExternalSegmentTable.Description),
            external?.GetAttributeValue<int>(ExternalSegmentTable.MemberCount) ?? 0);
    }

    /// <summary>A maker renames the segment in Journeys.</summary>
    public void Rename(Guid segmentId, string name) =>
        Service.Update(IsRealTime
            ? new Entity(R.Definition, segmentId) { [R.DefinitionName] = name }
            : new Entity(S.LogicalName, segmentId) { [S.Name] = name });

    public void DeleteSegment(Guid segmentId) => Service.Delete(SegmentTable, segmentId);

    /// <summary>
    /// Lets makers change managed segments by hand (segsync_GuardMode = Warn): the guard otherwise blocks
    /// <see cref="EditByHand"/> on a segment SegmentSync manages.
    /// </summary>
    public void AllowManualEdits() => Environment.SetSetting(SegmentSyncSettings.GuardMode, "Warn");

    /// <summary>
    /// A maker adds or removes a member by hand in Journeys (in SegmentSync's group, for real-time segments). Blocked by
    /// the guard on a managed segment unless <see cref="AllowManualEdits"/> was called.
    /// </summary>
    public void EditByHand(Guid segmentId, bool add, params Guid[] contactIds)
    {
        if (!IsRealTime)
        {
            SendMemberMessage(add ? S.IncludeMembersMessage : S.ExcludeMembersMessage, segmentId, contactIds);
            return;
        }

        var request = new OrganizationRequest(add ? R.AddStaticMembers : R.RemoveStaticMembers);
        request[R.SegmentIdParameter] = segmentId.ToString();
        request[R.GroupIdParameter] = StaticListGroups.GroupId(segmentId, 0).ToString();
        request[R.EntityIdsParameter] = contactIds.Select(c => c.ToString()).ToArray();
        Service.Execute(request);
    }

    public List<Entity> All(string table) =>
        Service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(true) }).Entities.ToList();

    public void SetStatus(Guid segmentId, int statusCode) =>
        Service.Update(new Entity(OutboundSegmentTable.LogicalName, segmentId) { [OutboundSegmentTable.StatusCode] = new OptionSetValue(statusCode) });

    public void GoLive(Guid segmentId)
    {
        if (!IsRealTime)
        {
            SetStatus(segmentId, OutboundSegmentTable.StatusLive);
            return;
        }

        var request = new OrganizationRequest(R.PublishSegmentDefinition);
        request[R.SegmentIdParameter] = segmentId.ToString();
        Service.Execute(request);
    }

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
        foreach (var table in new[] { ContactTable.LogicalName, OutboundSegmentTable.LogicalName, R.Definition, R.Segment, ExternalSegmentTable.LogicalName, ImportRunTable.LogicalName, ImportBatchTable.LogicalName })
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

        foreach (var segment in All(SegmentTable).OrderBy(r => r.Id))
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
