using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Schema;
using Xunit;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Tests.Refresh;

/// <summary>
/// An outbound segment too big for its member column: SegmentSync diffs against the membership it last applied (the
/// snapshot), which after a refresh is the refresh's ignored ids over its source export's received batches.
/// </summary>
public class RefreshLargeOutboundSegmentTests
{
    private const int Size = 25000; // more than msdyncrm_segmentmemberids holds (about 23,800 ids)

    [Fact]
    public void RefreshesOfALiveSegmentTooBigForItsColumn_AddTheNewContacts_AndFollowTheSnapshotToItsExport()
    {
        var r = new RefreshHarness(SegmentTargetOption.Outbound, contactCount: Size);
        var h = r.H;
        var late = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var export = h.Import(h.Contacts.Concat(late), batchSize: 10000).Final;
        h.GoLive(export.SegmentId);
        Assert.Equal(5, export.MembersIgnored);
        Assert.Null(h.Segment(export.SegmentId).GetAttributeValue<string>(S.MemberIds));

        r.CreateContact(late[0]);
        r.CreateContact(late[1]);
        var first = r.Refresher.RefreshUntilDone("seg-1").Final;

        Assert.Equal(Api.Applied, first.Status);
        Assert.Equal(2, first.MembersAdded);
        Assert.Equal(3, first.MembersIgnored);
        Assert.Equal(Size + 2, h.MembersOf(export.SegmentId).Count);

        r.CreateContact(late[2]);
        var second = r.Refresher.RefreshUntilDone("seg-1").Final;

        // The snapshot is the first refresh (3 ignored) over the export's ids: only the newly created contact is added.
        Assert.Equal(1, second.MembersAdded);
        Assert.Equal(0, second.MembersRemoved);
        Assert.Equal(2, second.MembersIgnored);
        Assert.True(h.MembersOf(export.SegmentId).SetEquals(h.Contacts.Concat(late.Take(3))));
        Assert.True(h.View(export.SegmentId).IsLive);
    }
}
