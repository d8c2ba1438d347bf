using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using Xunit;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;

namespace SegmentSync.Plugins.Tests.Refresh;

public sealed class RefreshBoundedWorkTests_Outbound() : RefreshBoundedWorkTests(SegmentTargetOption.Outbound);

public sealed class RefreshBoundedWorkTests_RealTime() : RefreshBoundedWorkTests(SegmentTargetOption.RealTime);

/// <summary>A refresh bigger than one call: bounded work per call, continuation, and the next page of segments.</summary>
public abstract class RefreshBoundedWorkTests(SegmentTargetOption target)
{
    private const int Budget = 50;
    private const int SegmentCount = 25;

    [Fact]
    public void ARefreshOfMoreSegmentsThanOneCallCanDo_ContinuesWithinTheBudget_AndRefreshesEachSegmentOnce()
    {
        var r = new RefreshHarness(target, contactCount: 2 * SegmentCount);
        var h = r.H;
        var late = Enumerable.Range(0, SegmentCount).Select(_ => Guid.NewGuid()).ToList();
        var segments = Enumerable.Range(0, SegmentCount)
            .Select(i => h.Import(h.Contacts.Skip(2 * i).Take(2).Append(late[i]), externalId: "seg-" + i.ToString("D2")).Final.SegmentId)
            .ToList();
        late.ForEach(id => r.CreateContact(id));
        h.Environment.SetSetting(SegmentSyncSettings.RequestBudget, Budget.ToString());
        var requests = h.Environment.Dataverse.Requests;
        var perCall = new List<long>();
        T Measure<T>(Func<T> call)
        {
            var before = requests.FromPluginsTotal;
            var result = call();
            perCall.Add(requests.FromPluginsTotal - before);
            return result;
        }

        var imports = new SegmentImportClient(h.Service);
        var result = Measure(() => r.Refresher.Refresh());
        Assert.Equal(Api.Applying, result.Status);
        Assert.InRange(result.ImportIds.Count, 1, SegmentCount - 1);
        var refreshCalls = 1;
        while (result.IsApplying)
        {
            foreach (var importId in result.ImportIds)
            {
                while (Measure(() => imports.Continue(importId)).IsApplying)
                {
                }
            }

            var startedOn = result.RefreshStartedOn;
            result = Measure(() => r.Refresher.Refresh(refreshStartedOn: startedOn));
            refreshCalls++;
            Assert.True(refreshCalls < 20, "the refresh ends");
        }

        Assert.True(refreshCalls > 2, "the segments were started over several calls");
        Assert.Equal(SegmentCount, result.SegmentsRefreshed);
        Assert.Equal(SegmentCount, result.MembersAdded);
        Assert.All(perCall, count => Assert.InRange(count, 1, Budget));
        for (var i = 0; i < SegmentCount; i++)
        {
            Assert.Single(r.RefreshRunsOf("seg-" + i.ToString("D2")));
            Assert.True(h.MembersOf(segments[i]).SetEquals(h.Contacts.Skip(2 * i).Take(2).Append(late[i])));
        }
    }

    [Fact]
    public void CallingRefreshAgain_AloneAlsoFinishesTheRefresh()
    {
        var r = new RefreshHarness(target, contactCount: 2 * SegmentCount);
        var h = r.H;
        for (var i = 0; i < SegmentCount; i++)
        {
            h.Import(h.Contacts.Skip(2 * i).Take(2), externalId: "seg-" + i.ToString("D2"));
        }

        h.Environment.SetSetting(SegmentSyncSettings.RequestBudget, Budget.ToString());

        var result = r.Refresher.Refresh();
        var calls = 1;
        while (result.IsApplying)
        {
            result = r.Refresher.Refresh(refreshStartedOn: result.RefreshStartedOn);
            Assert.True(++calls < 40, "the refresh ends");
        }

        Assert.Equal(SegmentCount, result.SegmentsRefreshed);
        Assert.All(Enumerable.Range(0, SegmentCount), i => Assert.Single(r.RefreshRunsOf("seg-" + i.ToString("D2"))));
    }

    [Fact]
    public void TheClient_DrivesARefreshToTheEnd()
    {
        var r = new RefreshHarness(target, contactCount: 2 * SegmentCount);
        for (var i = 0; i < SegmentCount; i++)
        {
            r.H.Import(r.H.Contacts.Skip(2 * i).Take(2), externalId: "seg-" + i.ToString("D2"));
        }

        r.H.Environment.SetSetting(SegmentSyncSettings.RequestBudget, Budget.ToString());

        var outcome = r.Refresher.RefreshUntilDone();

        Assert.Equal(Api.Applied, outcome.Final.Status);
        Assert.Equal(SegmentCount, outcome.Final.SegmentsRefreshed);
        Assert.Equal(SegmentCount, outcome.ImportIds.Count);
        Assert.True(outcome.ContinueCalls > 0);
    }
}
