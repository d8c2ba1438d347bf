using SegmentSync.Plugins.Schema;
using Xunit;

namespace SegmentSync.Plugins.Tests.Import;

public class WorkBudgetTests
{
    [Fact]
    public void EveryCall_StaysWithinTheRequestBudgetSetting_AndTheImportStillCompletes()
    {
        const int budget = 60;
        var h = new ImportHarness(30000);
        h.Environment.SetSetting(SegmentSyncSettings.RequestBudget, budget.ToString());
        var requests = h.Environment.Dataverse.Requests;
        var perCall = new List<long>();
        var export = ImportHarness.Export();
        var batches = h.Contacts.Chunk(10000).Select(ImportHarness.Ids).ToList();
        var importId = Guid.NewGuid();

        LocalEnvironment.Client.ImportCallResult result = null!;
        for (var i = 0; i < batches.Count; i++)
        {
            var before = requests.FromPluginsTotal;
            result = h.Client.Send(export, batches[i], importId, i + 1, batches.Count);
            perCall.Add(requests.FromPluginsTotal - before);
        }

        while (result.IsApplying)
        {
            var before = requests.FromPluginsTotal;
            result = h.Client.Continue(importId);
            perCall.Add(requests.FromPluginsTotal - before);
        }

        Assert.Equal("Applied", result.Status);
        Assert.Equal(30000, h.MembersOf(result.SegmentId).Count);
        Assert.True(perCall.Count > 4, "the budget forced continuation calls");
        Assert.All(perCall, count => Assert.InRange(count, 1, budget));
    }

    [Fact]
    public void UnusableBudgetSetting_FallsBackToTheDefault()
    {
        var h = new ImportHarness(10);
        h.Environment.SetSetting(SegmentSyncSettings.RequestBudget, "lots");

        var outcome = h.Import(h.Contacts);

        Assert.Equal("Applied", outcome.Final.Status);
        Assert.Contains(h.Environment.Dataverse.Traces.All, trace => trace.Text.Contains("segsync_RequestBudget = \"lots\""));
    }
}
