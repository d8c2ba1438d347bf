using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using Xunit;

namespace SegmentSync.Plugins.Tests.Import;

public sealed class BatchImportTests_Outbound() : BatchImportTests(SegmentTargetOption.Outbound);

public sealed class BatchImportTests_RealTime() : BatchImportTests(SegmentTargetOption.RealTime);

public abstract class BatchImportTests(SegmentTargetOption target)
{
    private readonly ImportHarness _h = new(contactCount: 30, target: target);

    private List<List<string>> Batches(int count, int size) =>
        _h.Contacts.Take(count * size).Chunk(size).Select(c => ImportHarness.Ids(c)).ToList();

    [Fact]
    public void BatchesInAnyOrder_ApplyOnceTheLastArrives()
    {
        var batches = Batches(4, 5);
        var importId = Guid.NewGuid();
        var export = ImportHarness.Export();

        var statuses = new[] { 3, 1, 4, 2 }.Select(n => _h.Client.Send(export, batches[n - 1], importId, n, 4)).ToList();

        Assert.Equal(["Receiving", "Receiving", "Receiving", "Applied"], statuses.Select(s => s.Status));
        Assert.Equal([1, 2, 3, 4], statuses.Select(s => s.BatchesReceived));
        Assert.True(_h.MembersOf(statuses[^1].SegmentId).SetEquals(_h.Contacts.Take(20)));
        Assert.Equal(20, statuses[^1].MembersReceived);
    }

    [Fact]
    public void HalfReceivedImport_ChangesNoSegment()
    {
        var first = _h.Import(_h.Contacts.Take(3)).Final;
        var members = _h.MembersOf(first.SegmentId);
        var segmentBefore = _h.View(first.SegmentId);
        var batches = Batches(3, 5);
        var importId = Guid.NewGuid();
        var export = ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1));

        _h.Client.Send(export, batches[0], importId, 1, 3);
        var second = _h.Client.Send(export, batches[2], importId, 3, 3);

        Assert.Equal("Receiving", second.Status);
        Assert.True(members.SetEquals(_h.MembersOf(first.SegmentId)));
        Assert.Equal(segmentBefore, _h.View(first.SegmentId));
    }

    [Fact]
    public void RepeatedBatch_IsHarmless_AndIsNotCountedTwice()
    {
        var batches = Batches(2, 5);
        var importId = Guid.NewGuid();
        var export = ImportHarness.Export();

        _h.Client.Send(export, batches[0], importId, 1, 2);
        var repeated = _h.Client.Send(export, batches[0], importId, 1, 2);
        var last = _h.Client.Send(export, batches[1], importId, 2, 2);
        var lateRetry = _h.Client.Send(export, batches[1], importId, 2, 2);

        Assert.Equal(1, repeated.BatchesReceived);
        Assert.Equal("Applied", last.Status);
        Assert.Equal(10, last.MembersReceived);
        Assert.Equal("Applied", lateRetry.Status);
        Assert.Equal(10, lateRetry.MembersAdded);
        Assert.Equal(2, _h.All(ImportBatchTable.LogicalName).Count(b => b.GetAttributeValue<OptionSetValue>(ImportBatchTable.Kind).Value == (int)ImportBatchKindOption.Received));
    }

    [Fact]
    public void DuplicatesAcrossBatches_CountOnce()
    {
        var importId = Guid.NewGuid();
        var export = ImportHarness.Export();
        var shared = _h.Contacts[0].ToString();

        _h.Client.Send(export, [shared, _h.Contacts[1].ToString()], importId, 1, 2);
        var last = _h.Client.Send(export, ["crm" + shared, _h.Contacts[2].ToString()], importId, 2, 2);

        Assert.Equal(3, last.MembersReceived);
        Assert.Equal(3, _h.MembersOf(last.SegmentId).Count);
    }

    [Fact]
    public void ImportIdReusedForAnotherSegment_IsRefused()
    {
        var importId = Guid.NewGuid();
        _h.Client.Send(ImportHarness.Export("a"), Batches(1, 2)[0], importId, 1, 2);

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _h.Client.Send(ImportHarness.Export("b"), Batches(1, 2)[0], importId, 2, 2));

        Assert.Contains("belongs to the import of segment \"a\"", error.Detail.Message);
    }

    [Fact]
    public void ChangingBatchCount_IsRefused()
    {
        var importId = Guid.NewGuid();
        _h.Client.Send(ImportHarness.Export(), Batches(1, 2)[0], importId, 1, 3);

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _h.Client.Send(ImportHarness.Export(), Batches(1, 2)[0], importId, 2, 4));

        Assert.Contains("BatchCount changed", error.Detail.Message);
    }

    [Fact]
    public void RetriedBatchWithOtherIds_IsRefused()
    {
        var importId = Guid.NewGuid();
        var batches = Batches(2, 3);
        _h.Client.Send(ImportHarness.Export(), batches[0], importId, 1, 2);

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _h.Client.Send(ImportHarness.Export(), batches[1].Take(2).ToList(), importId, 1, 2));

        Assert.Contains("already received", error.Detail.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void BatchNumberOutOfRange_IsRefused_AndChangesNothing(int batchNumber)
    {
        var before = _h.Fingerprint();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _h.Client.Send(ImportHarness.Export(), Batches(1, 2)[0], Guid.NewGuid(), batchNumber, 2));

        Assert.Contains("BatchNumber is " + batchNumber, error.Detail.Message);
        Assert.Equal(before, _h.Fingerprint());
    }

    [Fact]
    public void ContinueOnAnUnknownImport_IsRefused()
    {
        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _h.Client.Continue(Guid.NewGuid()));

        Assert.Contains("There is no import", error.Detail.Message);
    }

    [Fact]
    public void ContinueOnAReceivingImport_ReportsItWithoutApplying()
    {
        var importId = Guid.NewGuid();
        _h.Client.Send(ImportHarness.Export(), Batches(1, 2)[0], importId, 1, 2);

        var result = _h.Client.Continue(importId);

        Assert.Equal("Receiving", result.Status);
        Assert.Equal(1, result.BatchesReceived);
        Assert.Equal(0, _h.SegmentCount);
    }

    [Fact]
    public void StagingOfEarlierRuns_IsCleanedUp_KeepingOnlyTheAppliedMembershipRecord()
    {
        _h.Import(_h.Contacts.Take(10), batchSize: 5);
        _h.Import(_h.Contacts.Take(12), exportedOn: ImportHarness.T0.AddHours(1), batchSize: 5);
        var last = _h.Import(_h.Contacts.Take(6), exportedOn: ImportHarness.T0.AddHours(2), batchSize: 5).Final;

        var staged = _h.All(ImportBatchTable.LogicalName);
        Assert.All(staged, b => Assert.Equal(last.ImportId, b.GetAttributeValue<EntityReference>(ImportBatchTable.ImportRun).Id));
        Assert.Equal(3, _h.All(ImportRunTable.LogicalName).Count);
    }

    [Fact]
    public void RunHistory_OlderThanTheRetentionSetting_IsRemovedWhenTheSegmentIsNextApplied()
    {
        _h.Environment.SetSetting(SegmentSyncSettings.RunHistoryDays, "1");
        var old = _h.Import(_h.Contacts.Take(3), exportedOn: ImportHarness.T0.AddDays(-5)).Final;
        _h.Service.Update(new Entity(ImportRunTable.LogicalName, old.ImportId) { [ImportRunTable.CompletedOn] = DateTime.UtcNow.AddDays(-3) });
        var recent = _h.Import(_h.Contacts.Take(4), exportedOn: ImportHarness.T0.AddDays(-4)).Final;

        var last = _h.Import(_h.Contacts.Take(5)).Final;

        var runs = _h.All(ImportRunTable.LogicalName).Select(r => r.Id).ToHashSet();
        Assert.DoesNotContain(old.ImportId, runs);
        Assert.Contains(recent.ImportId, runs);
        Assert.Contains(last.ImportId, runs);
    }
}
