using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Schema;
using Xunit;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Tests.Import;

public sealed class SingleCallImportTests_Outbound() : SingleCallImportTests(SegmentTargetOption.Outbound);

public sealed class SingleCallImportTests_RealTime() : SingleCallImportTests(SegmentTargetOption.RealTime);

/// <summary>Single-call imports; every test runs against both segment models.</summary>
public abstract class SingleCallImportTests(SegmentTargetOption target)
{
    private readonly ImportHarness _h = new(target: target);

    [Fact]
    public void NewExternalSegment_CreatesAStaticDraftSegmentWithTheGeneralTabFields()
    {
        var outcome = _h.Import(_h.Contacts.Take(3));

        var result = outcome.Final;
        Assert.Equal("Applied", result.Status);
        var segment = _h.View(result.SegmentId);
        Assert.Equal("High value", segment.Name);
        Assert.True(segment.IsDraft);
        Assert.True(segment.FromCustomerInsights);
        Assert.Equal("https://contoso.crm.dynamics.com/segments/seg-1", segment.Url);
        Assert.Equal(3, segment.Size);
        Assert.Matches(@"^Refreshed from Customer Insights - Data on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(export of .*Z\): 3 members\.$", segment.Description);
        Assert.True(_h.MembersOf(result.SegmentId).SetEquals(_h.Contacts.Take(3)));
    }

    [Fact]
    public void UnknownIds_AreIgnoredAndCounted_AndNoContactIsCreated()
    {
        var unknown = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var contactsBefore = _h.All(ContactTable.LogicalName).Count;

        var result = _h.Import(_h.Contacts.Take(4).Concat(unknown)).Final;

        Assert.Equal(6, result.MembersReceived);
        Assert.Equal(4, result.MembersMatched);
        Assert.Equal(2, result.MembersIgnored);
        Assert.Equal(4, result.MembersAdded);
        Assert.True(_h.MembersOf(result.SegmentId).SetEquals(_h.Contacts.Take(4)));
        Assert.Equal(contactsBefore, _h.All(ContactTable.LogicalName).Count);
    }

    [Fact]
    public void DuplicateIdsInAnyFormat_CollapseToOneMember()
    {
        var c = _h.Contacts[0];
        var ids = new List<string> { c.ToString(), "crm" + c, c.ToString("N").ToUpperInvariant(), c.ToString("B") };

        var result = _h.Client.Send(ImportHarness.Export(), ids);

        Assert.Equal(1, result.MembersReceived);
        Assert.Equal([c], _h.MembersOf(result.SegmentId));
    }

    [Fact]
    public void KnownExternalSegment_IsFoundAgainEvenWhenRenamedInJourneys_AndTheNameFollowsTheSource()
    {
        var first = _h.Import(_h.Contacts.Take(2)).Final;
        _h.Rename(first.SegmentId, "Renamed by a maker");

        var second = _h.Import(_h.Contacts.Skip(2).Take(2), exportedOn: ImportHarness.T0.AddHours(1), name: "Renamed in the source").Final;

        Assert.Equal(first.SegmentId, second.SegmentId);
        Assert.Equal(1, _h.SegmentCount);
        Assert.Equal("Renamed in the source", _h.View(second.SegmentId).Name);
        Assert.True(_h.MembersOf(second.SegmentId).SetEquals(_h.Contacts.Skip(2).Take(2)));
    }

    [Fact]
    public void Refresh_ReplacesMembershipCompletely_OverwritingManualEditsOfADraftSegment()
    {
        var first = _h.Import(_h.Contacts.Take(5)).Final;
        _h.AllowManualEdits();
        _h.EditByHand(first.SegmentId, add: true, _h.Contacts[10]);
        _h.EditByHand(first.SegmentId, add: false, _h.Contacts[0]);

        var second = _h.Import(_h.Contacts.Skip(3).Take(4), exportedOn: ImportHarness.T0.AddHours(1)).Final;

        Assert.True(_h.MembersOf(second.SegmentId).SetEquals(_h.Contacts.Skip(3).Take(4)));
        Assert.Equal(2, second.MembersAdded);   // contacts 5 and 6
        Assert.Equal(3, second.MembersRemoved); // contacts 1, 2 and the manual 10
    }

    [Fact]
    public void EmptyExport_EmptiesTheSegment()
    {
        var first = _h.Import(_h.Contacts.Take(3)).Final;

        var second = _h.Import([], exportedOn: ImportHarness.T0.AddHours(1)).Final;

        Assert.Equal("Applied", second.Status);
        Assert.Empty(_h.MembersOf(first.SegmentId));
        Assert.Equal(0, _h.View(first.SegmentId).Size);
    }

    [Fact]
    public void ResendingTheLastAppliedExport_IsIdempotent()
    {
        var first = _h.Import(_h.Contacts.Take(3)).Final;
        var members = _h.MembersOf(first.SegmentId);

        var again = _h.Import(_h.Contacts.Take(3)).Final;

        Assert.Equal("Applied", again.Status);
        Assert.Equal(0, again.MembersAdded);
        Assert.Equal(0, again.MembersRemoved);
        Assert.True(members.SetEquals(_h.MembersOf(first.SegmentId)));
        Assert.NotEqual(first.ImportId, again.ImportId);
    }

    [Fact]
    public void SegmentDeletedByAMaker_IsCreatedAgainOnTheNextExport()
    {
        var first = _h.Import(_h.Contacts.Take(3)).Final;
        _h.DeleteSegment(first.SegmentId);

        var second = _h.Import(_h.Contacts.Take(2), exportedOn: ImportHarness.T0.AddHours(1)).Final;

        Assert.NotEqual(first.SegmentId, second.SegmentId);
        Assert.True(_h.MembersOf(second.SegmentId).SetEquals(_h.Contacts.Take(2)));
    }

    [Fact]
    public void TwoExternalSegments_GetTwoSegments()
    {
        var a = _h.Import(_h.Contacts.Take(2), externalId: "a").Final;
        var b = _h.Import(_h.Contacts.Skip(2).Take(2), externalId: "b").Final;

        Assert.NotEqual(a.SegmentId, b.SegmentId);
        Assert.True(_h.MembersOf(a.SegmentId).SetEquals(_h.Contacts.Take(2)));
        Assert.True(_h.MembersOf(b.SegmentId).SetEquals(_h.Contacts.Skip(2).Take(2)));
    }

    [Fact]
    public void InvalidId_RejectsTheCallNamingIt_AndChangesNothing()
    {
        _h.Import(_h.Contacts.Take(2));
        var before = _h.Fingerprint();
        var ids = ImportHarness.Ids(_h.Contacts.Take(3)).Append("not-a-contact").ToList();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _h.Client.Send(ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1)), ids));

        Assert.Contains("position 4: \"not-a-contact\"", error.Detail.Message);
        Assert.Equal(before, _h.Fingerprint());
    }

    [Fact]
    public void MoreThanTenThousandIds_IsRefusedWithAdviceToBatch_AndChangesNothing()
    {
        var before = _h.Fingerprint();
        var ids = Enumerable.Range(0, Limits.MaxContactIdsPerCall + 1).Select(_ => Guid.NewGuid().ToString()).ToList();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _h.Client.Send(ImportHarness.Export(), ids));

        Assert.Contains("Send the export in batches", error.Detail.Message);
        Assert.Equal(before, _h.Fingerprint());
    }
}
