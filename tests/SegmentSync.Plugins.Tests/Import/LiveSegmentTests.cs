using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Schema;
using Xunit;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Tests.Import;

public class LiveSegmentTests
{
    [Fact]
    public void LiveSegment_IsRefreshedWithMemberMessages_AndStaysLive()
    {
        var h = new ImportHarness(30);
        var first = h.Import(h.Contacts.Take(10)).Final;
        h.GoLive(first.SegmentId);
        h.Environment.Dataverse.Requests.Reset();

        var second = h.Import(h.Contacts.Skip(5).Take(10), exportedOn: ImportHarness.T0.AddHours(1)).Final;

        Assert.Equal(S.StatusLive, h.Segment(first.SegmentId).GetAttributeValue<OptionSetValue>(S.StatusCode).Value);
        Assert.True(h.MembersOf(first.SegmentId).SetEquals(h.Contacts.Skip(5).Take(10)));
        Assert.Equal(5, second.MembersAdded);
        Assert.Equal(5, second.MembersRemoved);
        Assert.Equal(1, h.Environment.Dataverse.Requests.FromPluginsByMessage.GetValueOrDefault(S.IncludeMembersMessage));
        Assert.Equal(1, h.Environment.Dataverse.Requests.FromPluginsByMessage.GetValueOrDefault(S.ExcludeMembersMessage));
    }

    [Fact]
    public void LiveSegment_IsNeverStoppedOrRepublished()
    {
        var h = new ImportHarness(30);
        var first = h.Import(h.Contacts.Take(10)).Final;
        h.GoLive(first.SegmentId);
        var statusWrites = ObserveStatusWrites(h);

        h.Import(h.Contacts.Skip(5).Take(10), exportedOn: ImportHarness.T0.AddHours(1));

        Assert.Empty(statusWrites);
    }

    [Fact]
    public void ManualEditsOfALiveSegment_AreOverwritten()
    {
        var h = new ImportHarness(30);
        var first = h.Import(h.Contacts.Take(10)).Final;
        h.GoLive(first.SegmentId);
        h.SendMemberMessage(S.IncludeMembersMessage, first.SegmentId, h.Contacts[20]);
        h.SendMemberMessage(S.ExcludeMembersMessage, first.SegmentId, h.Contacts[0]);

        h.Import(h.Contacts.Take(10), exportedOn: ImportHarness.T0.AddHours(1));

        Assert.True(h.MembersOf(first.SegmentId).SetEquals(h.Contacts.Take(10)));
    }

    [Fact]
    public void SegmentTooBigForTheMemberColumn_IsDiffedAgainstWhatSegmentSyncLastApplied()
    {
        const int size = 24000; // 24,000 "crm"-prefixed ids exceed the 1,000,000-character column
        var h = new ImportHarness(size + 1000);
        var first = h.Import(h.Contacts.Take(size), batchSize: 8000).Final;
        h.GoLive(first.SegmentId);
        Assert.Null(h.Segment(first.SegmentId).GetAttributeValue<string>(S.MemberIds));
        var order = ObserveMemberMessages(h);
        var wanted = h.Contacts.Skip(1000).Take(size).ToList();

        var second = h.Import(wanted, exportedOn: ImportHarness.T0.AddHours(1), batchSize: 8000).Final;

        Assert.Equal("Applied", second.Status);
        Assert.True(h.MembersOf(first.SegmentId).SetEquals(wanted));
        Assert.Equal(1000, second.MembersAdded);
        Assert.Equal(1000, second.MembersRemoved);
        // Every include before any exclude: no member of both memberships ever leaves the segment.
        Assert.Equal(order.OrderBy(m => m == S.ExcludeMembersMessage ? 1 : 0), order);
        Assert.Equal(4 + 4, order.Count); // ceil(1000 / 256) of each
    }

    [Fact]
    public void ImportLargerThanOneCallsBudget_ContinuesUntilApplied_WithEachCallWithinBudget()
    {
        const int size = 110000; // ~430 include requests: more than one call's budget
        var h = new ImportHarness(size);
        var calls = new List<int>();
        var outcome = h.Import(h.Contacts, batchSize: 10000);

        Assert.Equal("Applied", outcome.Final.Status);
        Assert.True(outcome.ApiCalls > 11, "the import needed continuation calls");
        Assert.Equal(size, h.MembersOf(outcome.Final.SegmentId).Count);
        Assert.Equal(size, outcome.Final.MembersAdded);
        Assert.Equal(size, h.Segment(outcome.Final.SegmentId).GetAttributeValue<int>(S.SegmentSize));
    }

    private static List<string> ObserveMemberMessages(ImportHarness h)
    {
        var seen = new List<string>();
        // A predicate that never fails a request: the fault injector doubles as a request observer.
        h.Environment.Dataverse.Faults.FailWhen(info =>
        {
            if (info.MessageName is S.IncludeMembersMessage or S.ExcludeMembersMessage)
            {
                seen.Add(info.MessageName);
            }

            return false;
        }, times: int.MaxValue);
        return seen;
    }

    private static List<string> ObserveStatusWrites(ImportHarness h)
    {
        var writes = new List<string>();
        h.Environment.Dataverse.Plugins.RegisterStep(
            new SegmentSync.Emulator.StepRegistration { MessageName = "Update", PrimaryEntity = S.LogicalName, Stage = 20 },
            () => new RecordingPlugin(writes));
        return writes;
    }

    private sealed class RecordingPlugin(List<string> writes) : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var target = (Entity)context.InputParameters["Target"];
            if (target.Contains(S.StatusCode) || target.Contains(S.StateCode))
            {
                writes.Add(target.Id.ToString());
            }
        }
    }
}
