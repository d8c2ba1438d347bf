using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Schema;
using Xunit;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Tests.Import;

public sealed class LiveSegmentTests_Outbound() : LiveSegmentTests(SegmentTargetOption.Outbound);

public sealed class LiveSegmentTests_RealTime() : LiveSegmentTests(SegmentTargetOption.RealTime);

/// <summary>Refreshing Live segments and segments bigger than one call; both segment models.</summary>
public abstract class LiveSegmentTests(SegmentTargetOption target)
{
    private ImportHarness Harness(int contacts) => new(contacts, target);

    [Fact]
    public void LiveSegment_IsRefreshedWithMemberMessages_AndStaysLive()
    {
        var h = Harness(30);
        var first = h.Import(h.Contacts.Take(10)).Final;
        h.GoLive(first.SegmentId);
        h.Environment.Dataverse.Requests.Reset();

        var second = h.Import(h.Contacts.Skip(5).Take(10), exportedOn: ImportHarness.T0.AddHours(1)).Final;

        Assert.True(h.View(first.SegmentId).IsLive);
        Assert.True(h.MembersOf(first.SegmentId).SetEquals(h.Contacts.Skip(5).Take(10)));
        Assert.Equal(5, second.MembersAdded);
        Assert.Equal(5, second.MembersRemoved);
        var byMessage = h.Environment.Dataverse.Requests.FromPluginsByMessage;
        Assert.Equal(1, byMessage.GetValueOrDefault(h.IsRealTime ? R.AddStaticMembers : S.IncludeMembersMessage));
        Assert.Equal(1, byMessage.GetValueOrDefault(h.IsRealTime ? R.RemoveStaticMembers : S.ExcludeMembersMessage));
    }

    [Fact]
    public void LiveSegment_IsNeverStoppedOrRepublished()
    {
        var h = Harness(30);
        var first = h.Import(h.Contacts.Take(10)).Final;
        h.GoLive(first.SegmentId);
        var publications = h.IsRealTime ? h.Environment.RealTime.Publications : 0;
        var statusWrites = ObserveStatusWrites(h);

        h.Import(h.Contacts.Skip(5).Take(10), exportedOn: ImportHarness.T0.AddHours(1));

        Assert.Empty(statusWrites);
        Assert.Equal(publications, h.IsRealTime ? h.Environment.RealTime.Publications : 0);
        Assert.True(h.View(first.SegmentId).IsLive);
    }

    [Fact]
    public void ManualEditsOfALiveSegment_AreOverwritten()
    {
        var h = Harness(30);
        var first = h.Import(h.Contacts.Take(10)).Final;
        h.GoLive(first.SegmentId);
        h.AllowManualEdits();
        h.EditByHand(first.SegmentId, add: true, h.Contacts[20]);
        h.EditByHand(first.SegmentId, add: false, h.Contacts[0]);

        h.Import(h.Contacts.Take(10), exportedOn: ImportHarness.T0.AddHours(1));

        Assert.True(h.MembersOf(first.SegmentId).SetEquals(h.Contacts.Take(10)));
    }

    [Fact]
    public void LiveRefresh_IncludesBeforeExcludes_SoKeptMembersNeverLeave()
    {
        var h = Harness(5000);
        var first = h.Import(h.Contacts.Take(3000)).Final;
        h.GoLive(first.SegmentId);
        var order = ObserveMemberMessages(h);

        h.Import(h.Contacts.Skip(1000).Take(4000), exportedOn: ImportHarness.T0.AddHours(1));

        Assert.True(h.MembersOf(first.SegmentId).SetEquals(h.Contacts.Skip(1000).Take(4000)));
        Assert.Contains(order, isInclude => isInclude);
        Assert.Contains(order, isInclude => !isInclude);
        Assert.Equal(order.OrderByDescending(isInclude => isInclude), order);
    }

    [Fact]
    public void ImportLargerThanOneCallsBudget_ContinuesUntilApplied()
    {
        const int size = 60000; // more membership requests than one call's budget of 50, in either model
        var h = Harness(size);
        h.Environment.SetSetting(SegmentSyncSettings.RequestBudget, "50");

        var outcome = h.Import(h.Contacts, batchSize: 10000);

        Assert.Equal("Applied", outcome.Final.Status);
        Assert.True(outcome.ApiCalls > 7, "the import needed continuation calls");
        Assert.Equal(size, h.MembersOf(outcome.Final.SegmentId).Count);
        Assert.Equal(size, outcome.Final.MembersAdded);
        Assert.Equal(size, h.View(outcome.Final.SegmentId).Size);
    }

    /// <summary>true for each include (add) message, false for each exclude (remove), in the order sent.</summary>
    internal static List<bool> ObserveMemberMessages(ImportHarness h)
    {
        var seen = new List<bool>();
        // A predicate that never fails a request: the fault injector doubles as a request observer.
        h.Environment.Dataverse.Faults.FailWhen(info =>
        {
            if (info.MessageName is S.IncludeMembersMessage or R.AddStaticMembers) seen.Add(true);
            if (info.MessageName is S.ExcludeMembersMessage or R.RemoveStaticMembers) seen.Add(false);
            return false;
        }, times: int.MaxValue);
        return seen;
    }

    private static List<string> ObserveStatusWrites(ImportHarness h)
    {
        var writes = new List<string>();
        h.Environment.Dataverse.Plugins.RegisterStep(
            new SegmentSync.Emulator.StepRegistration { MessageName = "Update", PrimaryEntity = h.SegmentTable, Stage = 20 },
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
