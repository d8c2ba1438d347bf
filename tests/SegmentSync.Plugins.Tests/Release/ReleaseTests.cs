using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using SegmentSync.Plugins.Tests.Refresh;
using Xunit;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;
using E = SegmentSync.Plugins.Schema.ExternalSegmentTable;
using R = SegmentSync.Plugins.Schema.ImportRunTable;

namespace SegmentSync.Plugins.Tests.Release;

public sealed class ReleaseTests_Outbound() : ReleaseTests(SegmentTargetOption.Outbound);

public sealed class ReleaseTests_RealTime() : ReleaseTests(SegmentTargetOption.RealTime);

/// <summary>segsync_ReleaseSegment end to end through the emulator; every test runs against both segment models.</summary>
public abstract class ReleaseTests(SegmentTargetOption target)
{
    private readonly RefreshHarness _r = new(target);
    private ImportHarness H => _r.H;

    [Fact]
    public void Release_KeepsTheMembersAndFields_AndRecordsWhoAndWhen()
    {
        var export = H.Import(H.Contacts.Take(5)).Final;
        var view = H.View(export.SegmentId);
        var admin = H.Environment.CreateIntegrationUser("Admin who releases");

        var released = _r.RefresherAs(admin).Release("seg-1");

        Assert.Equal(Api.Released, released.Status);
        Assert.Equal(export.SegmentId, released.SegmentId);
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Take(5)));
        Assert.Equal(view, H.View(export.SegmentId));
        var external = _r.External("seg-1");
        Assert.Equal(1, external.GetAttributeValue<OptionSetValue>(E.StateCode).Value);
        Assert.Equal((int)ExternalSegmentStatusOption.Released, external.GetAttributeValue<OptionSetValue>(E.StatusCode).Value);
        Assert.Equal(admin, external.GetAttributeValue<EntityReference>(E.ReleasedBy).Id);
        Assert.Equal(released.ReleasedOn, external.GetAttributeValue<DateTime>(E.ReleasedOn), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void ALaterExport_IsRefusedWithAClearMessage_AndChangesNothing()
    {
        H.Import(H.Contacts.Take(5));
        _r.Refresher.Release("seg-1");
        var before = H.Fingerprint();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => H.Import(H.Contacts.Skip(5).Take(5), exportedOn: ImportHarness.T0.AddHours(1)));

        Assert.Contains("Segment \"seg-1\" (High value) was released from SegmentSync on", error.Message);
        Assert.Contains("activate its External segment record", error.Message);
        Assert.Contains("Nothing was changed.", error.Message);
        Assert.Equal(before, H.Fingerprint());
    }

    [Fact]
    public void ALaterBatchOfAnExportReceivedBeforeTheRelease_ChangesNothing()
    {
        var export = H.Import(H.Contacts.Take(5)).Final;
        var newer = ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1));
        var importId = Guid.NewGuid();
        H.Client.Send(newer, ImportHarness.Ids(H.Contacts.Skip(10).Take(2)), importId, 1, 2);

        _r.Refresher.Release("seg-1");
        Assert.Equal("Skipped", RefreshHarness.Status(_r.Run(importId)));
        Assert.Contains("released", _r.Run(importId).GetAttributeValue<string>(R.Message));
        var before = H.Fingerprint();

        var last = H.Client.Send(newer, ImportHarness.Ids(H.Contacts.Skip(12).Take(2)), importId, 2, 2);

        Assert.Equal("Skipped", last.Status);
        Assert.Equal(before, H.Fingerprint());
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Take(5)));
    }

    [Fact]
    public void ARefreshOfAReleasedSegment_IsRefused_AndARefreshOfAll_LeavesItOut()
    {
        var late = Guid.NewGuid();
        var one = H.Import(H.Contacts.Take(3).Append(late), externalId: "seg-1").Final;
        var two = H.Import(H.Contacts.Skip(3).Take(3).Append(late), externalId: "seg-2").Final;
        _r.Refresher.Release("seg-1");
        _r.CreateContact(late);
        var before = H.Fingerprint();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _r.Refresher.Refresh("seg-1"));
        Assert.Contains("released", error.Message);
        Assert.Equal(before, H.Fingerprint());

        var all = _r.Refresher.Refresh();
        Assert.Equal(1, all.SegmentsRefreshed);
        Assert.DoesNotContain(late, H.MembersOf(one.SegmentId));
        Assert.Contains(late, H.MembersOf(two.SegmentId));
    }

    [Fact]
    public void TheGuard_NoLongerProtectsAReleasedSegment()
    {
        var export = H.Import(H.Contacts.Take(5)).Final;
        Assert.ThrowsAny<FaultException<OrganizationServiceFault>>(() => H.EditByHand(export.SegmentId, add: true, H.Contacts[20]));

        _r.Refresher.Release("seg-1");
        H.EditByHand(export.SegmentId, add: true, H.Contacts[20]);

        Assert.Contains(H.Contacts[20], H.MembersOf(export.SegmentId));
    }

    [Fact]
    public void AfterReLinking_ExportsAndRefreshesApplyAgain_AndOverwriteTheEditsMadeMeanwhile()
    {
        var export = H.Import(H.Contacts.Take(5)).Final;
        _r.Refresher.Release("seg-1");
        H.EditByHand(export.SegmentId, add: true, H.Contacts[20]);

        _r.Relink("seg-1");
        var refresh = _r.Refresher.Refresh("seg-1");
        Assert.Equal(1, refresh.SegmentsRefreshed);
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Take(5)));

        var next = H.Import(H.Contacts.Skip(5).Take(3), exportedOn: ImportHarness.T0.AddHours(1)).Final;
        Assert.Equal("Applied", next.Status);
        Assert.Equal(export.SegmentId, next.SegmentId);
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Skip(5).Take(3)));
    }

    [Fact]
    public void TheRunHistory_IsKept()
    {
        var first = H.Import(H.Contacts.Take(5)).Final;
        var refresh = _r.Refresher.Refresh("seg-1");

        _r.Refresher.Release("seg-1");

        var runs = _r.RunsOf("seg-1").Select(r => r.Id).ToList();
        Assert.Contains(first.ImportId, runs);
        Assert.Contains(refresh.ImportIds.Single(), runs);
    }

    [Fact]
    public void ReleasingWhileAnImportIsBeingApplied_IsRefused_UntilItIsApplied()
    {
        var export = H.Import(H.Contacts.Take(4)).Final;
        var applying = Guid.NewGuid();
        H.Service.Create(new Entity(R.LogicalName, applying)
        {
            [R.Name] = "seg-1 newer", [R.ExternalId] = "seg-1", [R.ExportedOn] = ImportHarness.T0.AddHours(1), [R.BatchCount] = 1,
            [R.Status] = new OptionSetValue((int)ImportRunStatusOption.Applying), [R.StartedOn] = DateTime.UtcNow, [R.PlannedRequests] = 3,
        });
        H.Service.Update(new Entity(E.LogicalName, _r.External("seg-1").Id) { [E.ActiveImportId] = applying.ToString("D") });
        var before = H.Fingerprint();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _r.Refresher.Release("seg-1"));

        Assert.Contains(applying.ToString("D"), error.Message);
        Assert.Contains(SegmentImportApi.ContinueSegmentImport, error.Message);
        Assert.Equal(before, H.Fingerprint());
        Assert.True(H.MembersOf(export.SegmentId).SetEquals(H.Contacts.Take(4)));
    }

    [Fact]
    public void ReleasingTwice_ChangesNothingTheSecondTime()
    {
        H.Import(H.Contacts.Take(4));
        var first = _r.Refresher.Release("seg-1");
        var before = H.Fingerprint();

        var second = _r.Refresher.Release("seg-1");

        Assert.Equal(Api.Released, second.Status);
        Assert.Equal(first.ReleasedOn, second.ReleasedOn, TimeSpan.FromSeconds(1));
        Assert.Equal(before, H.Fingerprint());
    }

    [Theory]
    [InlineData("no-such-segment", "SegmentSync manages no segment")]
    [InlineData("  ", "is required")]
    public void ReleasingAnUnknownSegment_IsRefused_AndChangesNothing(string externalId, string expected)
    {
        H.Import(H.Contacts.Take(4));
        var before = H.Fingerprint();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _r.Refresher.Release(externalId));

        Assert.Contains(expected, error.Message);
        Assert.Equal(before, H.Fingerprint());
    }
}
