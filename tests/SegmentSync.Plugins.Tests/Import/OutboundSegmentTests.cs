using SegmentSync.Plugins.Schema;
using Xunit;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Tests.Import;

/// <summary>What only outbound marketing's msdyncrm_segment has: the member-id column and its size limit.</summary>
public class OutboundSegmentTests
{
    [Fact]
    public void NewSegment_IsAStaticSegmentWithTheExternalSourceSet()
    {
        var h = new ImportHarness(5);

        var result = h.Import(h.Contacts).Final;

        var segment = h.Segment(result.SegmentId);
        Assert.Equal(S.SegmentTypeStatic, segment.GetAttributeValue<Microsoft.Xrm.Sdk.OptionSetValue>(S.SegmentType).Value);
        Assert.NotNull(segment.GetAttributeValue<DateTime?>(S.LastUpdatedTime));
        Assert.Contains("crm" + h.Contacts[0], segment.GetAttributeValue<string>(S.MemberIds));
    }

    [Fact]
    public void SegmentTooBigForTheMemberColumn_IsDiffedAgainstWhatSegmentSyncLastApplied()
    {
        const int size = 24000; // 24,000 "crm"-prefixed ids exceed the 1,000,000-character column
        var h = new ImportHarness(size + 1000);
        var first = h.Import(h.Contacts.Take(size), batchSize: 8000).Final;
        h.GoLive(first.SegmentId);
        Assert.Null(h.Segment(first.SegmentId).GetAttributeValue<string>(S.MemberIds));
        var order = LiveSegmentTests.ObserveMemberMessages(h);
        var wanted = h.Contacts.Skip(1000).Take(size).ToList();

        var second = h.Import(wanted, exportedOn: ImportHarness.T0.AddHours(1), batchSize: 8000).Final;

        Assert.Equal("Applied", second.Status);
        Assert.True(h.MembersOf(first.SegmentId).SetEquals(wanted));
        Assert.Equal(1000, second.MembersAdded);
        Assert.Equal(1000, second.MembersRemoved);
        Assert.Equal(4 + 4, order.Count); // ceil(1000 / 256) of each
    }
}
