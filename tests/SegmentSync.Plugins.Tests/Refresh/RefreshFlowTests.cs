using System.Text.Json.Nodes;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution;
using SegmentSync.Solution.Content;
using SegmentSync.Solution.Generation;
using Xunit;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;

namespace SegmentSync.Plugins.Tests.Refresh;

public sealed class RefreshFlowTests_Outbound() : RefreshFlowTests(SegmentTargetOption.Outbound);

public sealed class RefreshFlowTests_RealTime() : RefreshFlowTests(SegmentTargetOption.RealTime);

/// <summary>
/// The flows the solution ships (solution/Workflows/*.json), run against the emulator by <see cref="FlowRunner"/>:
/// their actions, parameters and loop do what the refresh API needs.
/// </summary>
public abstract class RefreshFlowTests(SegmentTargetOption target)
{
    private const int SegmentCount = 25;

    private static string ShippedFlow(string name)
    {
        var root = SolutionConfig.FindRepositoryRoot(AppContext.BaseDirectory);
        var flow = SegmentSyncFlows.All.Single(f => f.Name == name);
        return File.ReadAllText(Path.Combine(root, "solution", "Workflows", FlowXml.FileName(flow)));
    }

    private static FlowRunner Runner(RefreshHarness r) => new(r.H.Service, CustomApis.All);

    [Fact]
    public void TheScheduledFlow_RefreshesEveryManagedSegment_WhenOneCallCannotDoItAll()
    {
        var r = new RefreshHarness(target, contactCount: 2 * SegmentCount);
        var h = r.H;
        var late = Enumerable.Range(0, SegmentCount).Select(_ => Guid.NewGuid()).ToList();
        var segments = Enumerable.Range(0, SegmentCount)
            .Select(i => h.Import(h.Contacts.Skip(2 * i).Take(2).Append(late[i]), externalId: "seg-" + i.ToString("D2")).Final.SegmentId)
            .ToList();
        late.ForEach(id => r.CreateContact(id));
        h.Environment.SetSetting(SegmentSyncSettings.RequestBudget, "50");

        var run = Runner(r).Run(ShippedFlow(SegmentSyncFlows.RefreshAllName));

        Assert.Equal("Succeeded", run.Status);
        Assert.All(run.Calls, c => Assert.True(c.Succeeded));
        Assert.True(run.Calls.Count(c => c.Api == Api.RefreshSegments) > 2, "the flow asked for the next step until the refresh was applied");
        Assert.Contains(run.Calls, c => c.Api == SegmentImportApi.ContinueSegmentImport);
        for (var i = 0; i < SegmentCount; i++)
        {
            Assert.Single(r.RefreshRunsOf("seg-" + i.ToString("D2")));
            Assert.True(h.MembersOf(segments[i]).SetEquals(h.Contacts.Skip(2 * i).Take(2).Append(late[i])));
        }
    }

    [Fact]
    public void TheInstantFlow_RefreshesTheSegmentItIsGiven()
    {
        var r = new RefreshHarness(target);
        var late = Guid.NewGuid();
        var one = r.H.Import(r.H.Contacts.Take(3).Append(late), externalId: "seg-1").Final;
        var two = r.H.Import(r.H.Contacts.Skip(3).Take(3).Append(late), externalId: "seg-2").Final;
        r.CreateContact(late);

        var run = Runner(r).Run(ShippedFlow(SegmentSyncFlows.RefreshOneName), new JsonObject { [SegmentSyncFlows.SegmentInput] = "seg-2" });

        Assert.Equal("Succeeded", run.Status);
        Assert.Contains(late, r.H.MembersOf(two.SegmentId));
        Assert.DoesNotContain(late, r.H.MembersOf(one.SegmentId));
        Assert.Empty(r.RefreshRunsOf("seg-1"));
    }

    [Fact]
    public void TheInstantFlow_WithAnUnknownSegment_FailsTheRunWithTheReason()
    {
        var r = new RefreshHarness(target);
        r.H.Import(r.H.Contacts.Take(3));

        var run = Runner(r).Run(ShippedFlow(SegmentSyncFlows.RefreshOneName), new JsonObject { [SegmentSyncFlows.SegmentInput] = "no-such-segment" });

        Assert.Equal("Failed", run.Status);
        Assert.Contains("SegmentSync manages no segment with ExternalSegmentId", run.Message);
        Assert.Single(run.Calls);
    }

    [Fact]
    public void AContinueCallThatFails_IsRecorded_TheRefreshStillFinishes_AndTheRunFails()
    {
        var r = new RefreshHarness(target, contactCount: 2 * SegmentCount);
        for (var i = 0; i < SegmentCount; i++)
        {
            r.H.Import(r.H.Contacts.Skip(2 * i).Take(2), externalId: "seg-" + i.ToString("D2"));
        }

        r.H.Environment.SetSetting(SegmentSyncSettings.RequestBudget, "50");
        r.H.Environment.Dataverse.Faults.FailWhen(info => info.MessageName == SegmentImportApi.ContinueSegmentImport && !info.FromPlugin, times: 1);

        var run = Runner(r).Run(ShippedFlow(SegmentSyncFlows.RefreshAllName));

        Assert.Equal("Failed", run.Status);
        Assert.Contains(SegmentImportApi.ContinueSegmentImport, run.Message);
        Assert.Contains("The refresh ended with status Applied", run.Message);
        Assert.Single(run.Calls, c => !c.Succeeded);
        Assert.All(Enumerable.Range(0, SegmentCount), i => Assert.Equal("Applied", RefreshHarness.Status(r.RefreshRunsOf("seg-" + i.ToString("D2")).Single())));
    }
}
