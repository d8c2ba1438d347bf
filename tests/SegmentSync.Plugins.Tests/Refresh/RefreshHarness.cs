using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using E = SegmentSync.Plugins.Schema.ExternalSegmentTable;
using R = SegmentSync.Plugins.Schema.ImportRunTable;

namespace SegmentSync.Plugins.Tests.Refresh;

/// <summary>
/// The import harness plus what the refresh and release suites need: the refresh client, contacts created later,
/// the run history, an admin re-linking a released segment.
/// </summary>
public sealed class RefreshHarness
{
    public RefreshHarness(SegmentTargetOption target, int contactCount = 30, Guid? caller = null)
    {
        H = new ImportHarness(contactCount, target);
        Caller = caller;
        Refresher = new SegmentRefreshClient(caller.HasValue ? H.Environment.Service(caller) : H.Service);
    }

    public ImportHarness H { get; }
    public Guid? Caller { get; }
    public SegmentRefreshClient Refresher { get; }

    /// <summary>A refresh client calling as <paramref name="userId"/>.</summary>
    public SegmentRefreshClient RefresherAs(Guid userId) => new(H.Environment.Service(userId));

    /// <summary>Creates a contact with the given id, as a maker or an integration would, after the export was taken.</summary>
    public Guid CreateContact(Guid id)
    {
        H.Service.Create(new Entity(ContactTable.LogicalName, id) { ["fullname"] = "Late " + id.ToString("N")[..6] });
        return id;
    }

    public Entity Run(Guid importId) => H.Service.Retrieve(R.LogicalName, importId, new ColumnSet(true));

    public List<Entity> RunsOf(string externalId) =>
        H.All(R.LogicalName).Where(r => r.GetAttributeValue<string>(R.ExternalId) == externalId).OrderBy(r => r.GetAttributeValue<DateTime>(R.StartedOn)).ToList();

    public List<Entity> RefreshRunsOf(string externalId) =>
        RunsOf(externalId).Where(r => r.GetAttributeValue<OptionSetValue>(R.Trigger)?.Value == (int)ImportTriggerOption.Refresh).ToList();

    public Entity External(string externalId) =>
        H.All(E.LogicalName).Single(e => e.GetAttributeValue<string>(E.ExternalId) == externalId);

    /// <summary>An admin re-links a released segment: activates its External segment record.</summary>
    public void Relink(string externalId) =>
        H.Service.Update(new Entity(E.LogicalName, External(externalId).Id)
        {
            [E.StateCode] = new OptionSetValue(0),
            [E.StatusCode] = new OptionSetValue((int)ExternalSegmentStatusOption.Active),
        });

    public static string Status(Entity run) => ((ImportRunStatusOption)run.GetAttributeValue<OptionSetValue>(R.Status).Value).ToString();
}
