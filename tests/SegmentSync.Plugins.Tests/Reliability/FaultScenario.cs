using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Targets;
using SegmentSync.Plugins.Tests.Import;
using Xunit;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Tests.Reliability;

/// <summary>How an import reaches SegmentSync.</summary>
public enum ImportShape
{
    /// <summary>One segsync_ImportSegment call without ImportId.</summary>
    SingleCall,

    /// <summary>Three batches of one ImportId, applied by the call that brings the last.</summary>
    MultiBatch,

    /// <summary>Batches whose apply needs continuation calls (request budget 50).</summary>
    MultiCall,
}

/// <summary>
/// One import of a new membership into a segment SegmentSync created from an older one (Draft or Live), run by a
/// caller that retries transient failures; and every check that the segment came out exactly right.
/// </summary>
public sealed class FaultScenario
{
    private readonly List<string> _violations = new();

    public FaultScenario(SegmentTargetOption target, ImportShape shape, bool live)
    {
        Shape = shape;
        var (contacts, oldCount, newStart, newCount) = shape == ImportShape.MultiCall
            ? target == SegmentTargetOption.RealTime ? (44000, 20000, 10000, 34000) : (12500, 6000, 3000, 9500)
            : (40, 12, 6, 15);
        H = new ImportHarness(contacts, target);
        Old = H.Contacts.Take(oldCount).ToList();
        Wanted = H.Contacts.Skip(newStart).Take(newCount).ToHashSet();
        // Ids with no contact, sorted after every contact id: the call that meets them is the same in every run, so every
        // run makes the same requests in the same order (the sweeps number them).
        Unknown = [new Guid("ffffffff-ffff-ffff-ffff-fffffffffff1"), new Guid("ffffffff-ffff-ffff-ffff-fffffffffff2")];
        // The export as a caller sends it: the wanted contacts, two ids with no contact, and one duplicate in another format.
        ExportIds = ImportHarness.Ids(Wanted).Concat(ImportHarness.Ids(Unknown)).Append("CRM" + Wanted.First().ToString().ToUpperInvariant()).ToList();
        Segment = H.Import(Old, batchSize: 10000).Final.SegmentId;
        if (live)
        {
            H.GoLive(Segment);
        }

        if (shape == ImportShape.MultiCall)
        {
            H.Environment.SetSetting(SegmentSyncSettings.RequestBudget, "50");
        }

        Kept = Old.Where(Wanted.Contains).ToHashSet();
        IsLive = live;
    }

    public ImportHarness H { get; }
    public ImportShape Shape { get; }
    public bool IsLive { get; }
    public Guid Segment { get; }
    public List<Guid> Old { get; }
    public HashSet<Guid> Wanted { get; }
    public List<Guid> Unknown { get; }
    public List<string> ExportIds { get; }
    public HashSet<Guid> Kept { get; }
    public int Retries { get; private set; }

    /// <summary>Moments, during the import, when a member of both memberships was not in the segment.</summary>
    public IReadOnlyList<string> Violations => _violations;

    public static SegmentExport Export => ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1));

    public int BatchSize => Shape switch { ImportShape.SingleCall => 10000, ImportShape.MultiBatch => 6, _ => 10000 };

    /// <summary>
    /// Checks, before every request from now on (inside transactions too, so states later rolled back count), that
    /// every member of both memberships is in the segment; returns the requests seen, in order.
    /// </summary>
    public List<RequestInfo> ObserveEveryRequest()
    {
        var seen = new List<RequestInfo>();
        var changed = false;
        H.Environment.Dataverse.Faults.FailWhen(info =>
        {
            seen.Add(info);
            // Members change only through the requests below, so checking after each of them (before the next request,
            // while its transaction is still open) sees every state the segment passes through.
            if (changed)
            {
                CheckKeptMembers("before request " + info.Sequence + " (" + info.MessageName + ")");
            }

            changed = ChangesMembers(info);
            return false;
        }, times: int.MaxValue);
        return seen;
    }

    private static bool ChangesMembers(RequestInfo info) =>
        info.MessageName is S.ExcludeMembersMessage or S.ExcludeMemberMessage or S.IncludeMembersMessage or S.IncludeMemberMessage
            or RealTimeSegmentTables.RemoveStaticMembers or RealTimeSegmentTables.AddStaticMembers or "Delete"
        || (info.MessageName == "Update" && info.EntityName is S.LogicalName or RealTimeSegmentTables.Definition);

    private void CheckKeptMembers(string moment)
    {
        var members = H.Environment.MembersOf(Segment).ToHashSet();
        var missing = Kept.Count(id => !members.Contains(id));
        if (missing > 0)
        {
            _violations.Add($"{moment}: {missing} kept member(s) out of the segment");
        }
    }

    /// <summary>Sends the import as a caller that retries transient failures (each retry tagged).</summary>
    public ImportOutcome Run(IOrganizationService? service = null)
    {
        var client = new SegmentImportClient(service ?? H.Service, new RetryPolicy { MaxAttempts = 4, OnRetry = (_, _) => Retries++ });
        if (Shape == ImportShape.SingleCall)
        {
            var result = client.Send(Export, ExportIds);
            return client.ContinueUntilDone(result, 1);
        }

        return client.Import(Export, ExportIds, BatchSize);
    }

    /// <summary>The segment equals the export exactly, nothing is duplicated, and the counts add up.</summary>
    public void Verify(ImportOutcome outcome, string label, bool countsExact = true)
    {
        var final = outcome.Final;
        CheckKeptMembers("after the import");
        Assert.True(final.Status == "Applied", $"{label}: status {final.Status}");
        Assert.Equal(Segment, final.SegmentId);
        var members = H.MembersOf(Segment);
        Assert.True(members.SetEquals(Wanted), $"{label}: {members.Except(Wanted).Count()} extra, {Wanted.Except(members).Count()} missing");
        Assert.Equal(1, H.SegmentCount);
        Assert.Single(H.All(ExternalSegmentTable.LogicalName));
        var view = H.View(Segment);
        Assert.Equal((IsLive, Wanted.Count, "High value"), (view.IsLive, view.Size, view.Name));
        AssertNoDuplicates(label, members);
        Assert.True(_violations.Count == 0, label + ": " + string.Join("; ", _violations.Take(3)));
        if (countsExact)
        {
            Assert.Equal(Wanted.Count, final.MembersMatched);
            Assert.Equal(Unknown.Count, final.MembersIgnored);
            Assert.Equal(Wanted.Count(id => !Old.Contains(id)), final.MembersAdded);
            Assert.Equal(Old.Count(id => !Wanted.Contains(id)), final.MembersRemoved);
        }
    }

    /// <summary>The notes of a run's history (the lines below its message).</summary>
    public List<string> RunNotes(Guid importId) =>
        RunMessage.Notes(H.Service.Retrieve(ImportRunTable.LogicalName, importId, new Microsoft.Xrm.Sdk.Query.ColumnSet(ImportRunTable.Message)).GetAttributeValue<string>(ImportRunTable.Message));

    /// <summary>The caller's top-level calls (segsync_ImportSegment and segsync_ContinueSegmentImport) in an observed request list.</summary>
    public static int CallsIn(IEnumerable<RequestInfo> requests) =>
        requests.Count(r => !r.FromPlugin && r.MessageName is SegmentImportApi.ImportSegment or SegmentImportApi.ContinueSegmentImport);

    private void AssertNoDuplicates(string label, HashSet<Guid> members)
    {
        if (!H.IsRealTime)
        {
            var column = H.Segment(Segment).GetAttributeValue<string>(S.MemberIds);
            if (column != null)
            {
                Assert.True(MemberIdListCodec.TryParse(column, out var listed), label + ": the member column is unreadable");
                Assert.Equal(listed.Count, listed.Distinct().Count());
                Assert.True(listed.ToHashSet().SetEquals(members), label + ": the member column differs from the members");
            }

            return;
        }

        var seen = new HashSet<Guid>();
        for (var group = 0; group < RealTimeSegmentTables.MaxGroups; group++)
        {
            foreach (var id in H.Environment.RealTime.GroupMembers(Segment, StaticListGroups.GroupId(Segment, group)))
            {
                Assert.True(seen.Add(id), $"{label}: contact {id} is in two of SegmentSync's groups");
            }
        }
    }
}
