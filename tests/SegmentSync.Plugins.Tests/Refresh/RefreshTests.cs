using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using Xunit;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;
using R = SegmentSync.Plugins.Schema.ImportRunTable;

namespace SegmentSync.Plugins.Tests.Refresh;

public sealed class RefreshTests_Outbound() : RefreshTests(SegmentTargetOption.Outbound);

public sealed class RefreshTests_RealTime() : RefreshTests(SegmentTargetOption.RealTime);

/// <summary>segsync_RefreshSegments end to end through the emulator; every test runs against both segment models.</summary>
public abstract class RefreshTests(SegmentTargetOption target)
{
    private readonly RefreshHarness _r = new(target);
    private ImportHarness H => _r.H;

    [Fact]
    public void Refresh_PicksUpAContactCreatedAfterTheExport()
    {
        var late = Guid.NewGuid();
        var export = H.Import(H.Contacts.Take(5).Append(late)).Final;
        Assert.Equal(1, export.MembersIgnored);
        _r.CreateContact(late);

        var refresh = _r.Refresher.Refresh("seg-1");

        Assert.Equal(Api.Applied, refresh.Status);
        Assert.Equal(1, refresh.SegmentsRefreshed);
        Assert.Equal(1, refresh.MembersAdded);
        Assert.Equal(0, refresh.MembersRemoved);
        Assert.Equal(0, refresh.MembersIgnored);
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Take(5).Append(late)));
        Assert.Equal(6, H.View(export.SegmentId).Size);
    }

    [Fact]
    public void Refresh_OfALiveSegment_AddsTheNewContactWithoutStoppingIt()
    {
        var late = Guid.NewGuid();
        var export = H.Import(H.Contacts.Take(5).Append(late)).Final;
        H.GoLive(export.SegmentId);
        _r.CreateContact(late);

        var refresh = _r.Refresher.Refresh("seg-1");

        Assert.Equal(1, refresh.MembersAdded);
        Assert.True(H.View(export.SegmentId).IsLive);
        Assert.Contains(late, H.MembersOf(export.SegmentId));
    }

    [Fact]
    public void Refresh_OverwritesManualEdits()
    {
        var export = H.Import(H.Contacts.Take(10)).Final;
        H.GoLive(export.SegmentId);
        H.AllowManualEdits();
        H.EditByHand(export.SegmentId, add: true, H.Contacts[20]);
        H.EditByHand(export.SegmentId, add: false, H.Contacts[0]);

        var refresh = _r.Refresher.Refresh("seg-1");

        Assert.Equal(Api.Applied, refresh.Status);
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Take(10)));
        Assert.Equal(1, refresh.MembersAdded);
        Assert.Equal(1, refresh.MembersRemoved);
    }

    [Fact]
    public void Refresh_OfOneSegment_LeavesTheOthersAlone()
    {
        var late = Guid.NewGuid();
        var one = H.Import(H.Contacts.Take(3).Append(late), externalId: "seg-1").Final;
        var two = H.Import(H.Contacts.Skip(3).Take(3).Append(late), externalId: "seg-2").Final;
        _r.CreateContact(late);

        var refresh = _r.Refresher.Refresh("seg-2");

        Assert.Single(refresh.ImportIds);
        Assert.Equal(1, refresh.SegmentsRefreshed);
        Assert.DoesNotContain(late, H.MembersOf(one.SegmentId));
        Assert.Contains(late, H.MembersOf(two.SegmentId));
        Assert.Empty(_r.RefreshRunsOf("seg-1"));
        Assert.Single(_r.RefreshRunsOf("seg-2"));
    }

    [Fact]
    public void Refresh_WithoutASegment_RefreshesEveryManagedSegment()
    {
        var late = Guid.NewGuid();
        var segments = new[] { "seg-a", "seg-b", "seg-c" }
            .Select((id, i) => (Id: id, Result: H.Import(H.Contacts.Skip(i * 3).Take(3).Append(late), externalId: id).Final))
            .ToList();
        _r.CreateContact(late);

        var refresh = _r.Refresher.Refresh();

        Assert.Equal(Api.Applied, refresh.Status);
        Assert.Equal(3, refresh.SegmentsRefreshed);
        Assert.Equal(3, refresh.MembersAdded);
        Assert.Equal(3, refresh.ImportIds.Count);
        Assert.All(segments, s => Assert.Contains(late, H.MembersOf(s.Result.SegmentId)));
        Assert.All(segments, s => Assert.Single(_r.RefreshRunsOf(s.Id)));
    }

    [Fact]
    public void Refresh_IsARunInTheRunHistory_MarkedAsARefresh_WithWhoTriggeredIt()
    {
        var export = H.Import(H.Contacts.Take(4), exportedOn: ImportHarness.T0.AddHours(3)).Final;
        var maker = H.Environment.CreateIntegrationUser("Maker who refreshes");

        var refresh = _r.RefresherAs(maker).Refresh("seg-1");

        var run = _r.Run(refresh.ImportIds.Single());
        Assert.Equal((int)ImportTriggerOption.Refresh, run.GetAttributeValue<OptionSetValue>(R.Trigger).Value);
        Assert.Equal(maker, run.GetAttributeValue<EntityReference>(R.TriggeredBy).Id);
        Assert.Equal(export.ImportId.ToString("D"), run.GetAttributeValue<string>(R.SourceImportId));
        Assert.Equal(ImportHarness.T0.AddHours(3), run.GetAttributeValue<DateTime>(R.ExportedOn));
        Assert.Equal("Applied", RefreshHarness.Status(run));
        Assert.Contains("refresh", run.GetAttributeValue<string>(R.Name));

        var exportRun = _r.Run(export.ImportId);
        Assert.Equal((int)ImportTriggerOption.Export, exportRun.GetAttributeValue<OptionSetValue>(R.Trigger).Value);
        Assert.Null(exportRun.GetAttributeValue<string>(R.SourceImportId));
    }

    [Fact]
    public void RefreshAfterRefresh_StillReappliesTheExport_AndTheNextExportReplacesIt()
    {
        var late = Guid.NewGuid();
        var export = H.Import(H.Contacts.Take(4).Append(late)).Final;
        _r.Refresher.Refresh("seg-1");
        H.AllowManualEdits();
        H.EditByHand(export.SegmentId, add: false, H.Contacts[1]);
        _r.CreateContact(late);

        var second = _r.Refresher.Refresh("seg-1");

        Assert.Equal(Api.Applied, second.Status);
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Take(4).Append(late)));
        var run = _r.Run(second.ImportIds.Single());
        Assert.Equal(export.ImportId.ToString("D"), run.GetAttributeValue<string>(R.SourceImportId));

        var next = H.Import(H.Contacts.Skip(10).Take(2), exportedOn: ImportHarness.T0.AddHours(1)).Final;
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Skip(10).Take(2)));
        Assert.Equal(5, next.MembersRemoved);
    }

    [Fact]
    public void TheExportARefreshReapplies_KeepsItsStaging_UntilANewerExportIsApplied()
    {
        var export = H.Import(H.Contacts.Take(4)).Final;
        _r.Refresher.Refresh("seg-1");
        _r.Refresher.Refresh("seg-1");

        Assert.Contains(BatchesOf(export.ImportId), b => b.GetAttributeValue<OptionSetValue>(ImportBatchTable.Kind).Value == (int)ImportBatchKindOption.Received);
        Assert.NotNull(_r.Run(export.ImportId));

        H.Import(H.Contacts.Skip(4).Take(4), exportedOn: ImportHarness.T0.AddHours(1));
        Assert.Empty(BatchesOf(export.ImportId));
    }

    [Fact]
    public void ASegmentWhoseJourneysSegmentWasDeleted_IsRecreatedByTheRefresh()
    {
        var export = H.Import(H.Contacts.Take(4)).Final;
        H.DeleteSegment(export.SegmentId);

        var refresh = _r.Refresher.Refresh("seg-1");

        Assert.Equal(1, refresh.SegmentsRefreshed);
        var external = _r.External("seg-1");
        var segmentId = Guid.Parse(external.GetAttributeValue<string>(ExternalSegmentTable.TargetSegmentId));
        Assert.NotEqual(export.SegmentId, segmentId);
        Assert.True(H.MembersOf(segmentId).SetEquals(H.Contacts.Take(4)));
    }

    [Fact]
    public void ANewerImportBeingApplied_Wins_AndTheRefreshIsSkipped()
    {
        var export = H.Import(H.Contacts.Take(4)).Final;
        var members = H.MembersOf(export.SegmentId);
        // A newer export whose apply spans calls and is under way (as the import leaves it between two calls).
        var newer = Guid.NewGuid();
        H.Service.Create(new Entity(R.LogicalName, newer)
        {
            [R.Name] = "seg-1 newer", [R.ExternalId] = "seg-1", [R.ExportedOn] = ImportHarness.T0.AddHours(1), [R.BatchCount] = 1,
            [R.Status] = new OptionSetValue((int)ImportRunStatusOption.Applying), [R.StartedOn] = DateTime.UtcNow,
        });
        H.Service.Update(new Entity(ExternalSegmentTable.LogicalName, _r.External("seg-1").Id) { [ExternalSegmentTable.ActiveImportId] = newer.ToString("D") });

        var refresh = _r.Refresher.Refresh("seg-1");

        Assert.Equal(Api.Applied, refresh.Status);
        Assert.Equal(0, refresh.SegmentsRefreshed);
        Assert.Equal(1, refresh.SegmentsSkipped);
        var run = _r.Run(refresh.ImportIds.Single());
        Assert.Equal("Skipped", RefreshHarness.Status(run));
        Assert.Contains(newer.ToString("D"), run.GetAttributeValue<string>(R.Message));
        Assert.Equal("Applying", RefreshHarness.Status(_r.Run(newer)));
        Assert.True(members.SetEquals(H.MembersOf(export.SegmentId)));
    }

    [Fact]
    public void AnExportStillBeingReceived_DoesNotBlockTheRefresh_AndIsAppliedAfterIt()
    {
        var export = H.Import(H.Contacts.Take(4)).Final;
        var newer = ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1));
        var importId = Guid.NewGuid();
        H.Client.Send(newer, ImportHarness.Ids(H.Contacts.Skip(10).Take(2)), importId, 1, 2);

        Assert.Equal(1, _r.Refresher.Refresh("seg-1").SegmentsRefreshed);
        var last = H.Client.Send(newer, ImportHarness.Ids(H.Contacts.Skip(12).Take(2)), importId, 2, 2);

        Assert.Equal("Applied", last.Status);
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Skip(10).Take(4)));
    }

    [Fact]
    public void ASegmentWhoseLastImportWasDeletedFromTheRunHistory_IsSkipped_AndKeepsItsMembers()
    {
        var export = H.Import(H.Contacts.Take(4)).Final;
        H.Service.Delete(R.LogicalName, export.ImportId);

        var refresh = _r.Refresher.Refresh("seg-1");

        Assert.Equal(Api.Applied, refresh.Status);
        Assert.Equal(1, refresh.SegmentsSkipped);
        var run = _r.Run(refresh.ImportIds.Single());
        Assert.Equal("Skipped", RefreshHarness.Status(run));
        Assert.Contains("no longer in the run history", run.GetAttributeValue<string>(R.Message));
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Take(4)));
    }

    [Fact]
    public void ARefreshRun_CannotReceiveExportBatches()
    {
        H.Import(H.Contacts.Take(4));
        var refresh = _r.Refresher.Refresh("seg-1");
        var before = H.Fingerprint();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            H.Client.Send(ImportHarness.Export(), ImportHarness.Ids(H.Contacts.Take(1)), refresh.ImportIds.Single(), 1, 1));

        Assert.Contains("is a refresh", error.Message);
        Assert.Equal(before, H.Fingerprint());
    }

    [Fact]
    public void Refresh_OfAnUnknownSegment_IsRefused_AndChangesNothing()
    {
        H.Import(H.Contacts.Take(4));
        var before = H.Fingerprint();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _r.Refresher.Refresh("no-such-segment"));

        Assert.Contains("SegmentSync manages no segment with ExternalSegmentId \"no-such-segment\"", error.Message);
        Assert.Equal(before, H.Fingerprint());
    }

    [Theory]
    [InlineData("   ", "is blank")]
    [InlineData("bad\tid", "control character")]
    public void Refresh_WithAnInvalidSegmentId_IsRefused(string externalId, string expected)
    {
        H.Import(H.Contacts.Take(4));
        var before = H.Fingerprint();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _r.Refresher.Refresh(externalId));

        Assert.Contains(expected, error.Message);
        Assert.Equal(before, H.Fingerprint());
    }

    [Fact]
    public void Refresh_WithNothingToRefresh_IsApplied()
    {
        var refresh = _r.Refresher.Refresh();

        Assert.Equal(Api.Applied, refresh.Status);
        Assert.Empty(refresh.ImportIds);
        Assert.Equal(0, refresh.SegmentsRefreshed);
    }

    [Fact]
    public void CallingAgainWithRefreshStartedOn_AfterEverythingIsApplied_StartsNothing()
    {
        H.Import(H.Contacts.Take(4), externalId: "seg-1");
        H.Import(H.Contacts.Skip(4).Take(4), externalId: "seg-2");
        var first = _r.Refresher.Refresh();

        var again = _r.Refresher.Refresh(refreshStartedOn: first.RefreshStartedOn);

        Assert.Equal(Api.Applied, again.Status);
        Assert.Empty(again.ImportIds);
        Assert.Equal(2, again.SegmentsRefreshed);
        Assert.Single(_r.RefreshRunsOf("seg-1"));
        Assert.Single(_r.RefreshRunsOf("seg-2"));
    }

    private List<Entity> BatchesOf(Guid importId) =>
        H.All(ImportBatchTable.LogicalName).Where(b => b.GetAttributeValue<EntityReference>(ImportBatchTable.ImportRun)?.Id == importId).ToList();
}
