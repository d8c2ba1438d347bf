using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using Xunit;
using Xunit.Abstractions;

namespace SegmentSync.Plugins.Tests.Reliability;

public sealed class ConcurrencyTests_Outbound(ITestOutputHelper output) : ConcurrencyTests(SegmentTargetOption.Outbound, output);

public sealed class ConcurrencyTests_RealTime(ITestOutputHelper output) : ConcurrencyTests(SegmentTargetOption.RealTime, output);

/// <summary>
/// Imports of different segments side by side, and the same call made several times at once. The emulator runs one
/// transaction at a time (serializable, as docs/RELIABILITY.md says), so parallel callers become some interleaving of
/// whole calls: these tests run every interleaving, and real threads.
/// </summary>
[Trait("Category", Figures.Category)]
public abstract class ConcurrencyTests(SegmentTargetOption target, ITestOutputHelper output)
{
    private static int ReceivedRows(ImportHarness h, Guid importId) =>
        h.All(ImportBatchTable.LogicalName).Count(b => b.GetAttributeValue<EntityReference>(ImportBatchTable.ImportRun).Id == importId
            && b.GetAttributeValue<OptionSetValue>(ImportBatchTable.Kind).Value == (int)ImportBatchKindOption.Received);

    [Fact]
    public void ImportsOfTwoSegments_InEveryOrderOfTheirCalls_DoNotInterfere()
    {
        var orders = 0;
        foreach (var order in InterleavingTests.Orders(3, 3))
        {
            var h = new ImportHarness(40, target);
            var a0 = h.Import(h.Contacts.Take(10), externalId: "a").Final;
            var b0 = h.Import(h.Contacts.Skip(20).Take(10), externalId: "b").Final;
            var a = new ScriptedImport(h, "a", ImportHarness.T0.AddHours(1), h.Contacts.Skip(5).Take(15).ToList(), 5, 0);
            var b = new ScriptedImport(h, "b", ImportHarness.T0.AddHours(1), h.Contacts.Skip(15).Take(15).ToList(), 5, 0);

            foreach (var second in order)
            {
                (second ? b : a).Next();
            }

            foreach (var (import, segment, before) in new[] { (a, a0.SegmentId, h.Contacts.Take(10)), (b, b0.SegmentId, h.Contacts.Skip(20).Take(10)) })
            {
                var result = import.Last!;
                Assert.Equal("Applied", result.Status);
                Assert.Equal(segment, result.SegmentId);
                Assert.True(h.MembersOf(segment).SetEquals(import.Members));
                Assert.Equal(import.Members.Count(id => !before.Contains(id)), result.MembersAdded);
                Assert.Equal(before.Count(id => !import.Members.Contains(id)), result.MembersRemoved);
                // Each segment keeps the record of what was applied to it, whatever the other's clean-up removed.
                Assert.Equal(3, ReceivedRows(h, import.ImportId));
            }

            Assert.Equal(2, h.SegmentCount);
            orders++;
        }

        Figures.Report(output, "interleavings", orders, $"{target}: every order of the calls of two imports of different segments");
    }

    [Fact]
    public void ImportsOfFourSegmentsOnFourThreads_EachGetItsOwnMembership()
    {
        for (var round = 0; round < 5; round++)
        {
            var h = new ImportHarness(200, target);
            var wanted = Enumerable.Range(0, 4).Select(i => h.Contacts.Skip(i * 40).Take(60).ToList()).ToList();

            var outcomes = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4)
                .Select(i => (i, h.Import(wanted[i], externalId: "seg-" + i, batchSize: 7).Final)).ToList();

            foreach (var (i, result) in outcomes)
            {
                Assert.Equal("Applied", result.Status);
                Assert.True(h.MembersOf(result.SegmentId).SetEquals(wanted[i]));
                Assert.Equal(60, result.MembersAdded);
            }

            Assert.Equal(4, outcomes.Select(o => o.Final.SegmentId).Distinct().Count());
        }
    }

    [Fact]
    public void TheSameBatchSentByEightThreadsAtOnce_IsReceivedOnce_AndCountedOnce()
    {
        var h = new ImportHarness(30, target);
        var first = h.Import(h.Contacts.Take(10)).Final;
        var importId = Guid.NewGuid();
        var export = ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1));
        var batches = h.Contacts.Skip(5).Take(20).Chunk(10).Select(c => ImportHarness.Ids(c)).ToList();

        var results = new List<ImportCallResult>();
        foreach (var batch in new[] { 1, 2 })
        {
            var sent = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
                .Select(_ => new SegmentImportClient(h.Service).Send(export, batches[batch - 1], importId, batch, 2)).ToList();
            results.AddRange(sent);
            Assert.All(sent, r => Assert.Equal(batch, r.BatchesReceived));
        }

        Assert.Equal(2, ReceivedRows(h, importId));
        var applied = results.Where(r => r.Status == "Applied").ToList();
        Assert.Equal(8, applied.Count);
        Assert.All(applied, r => Assert.Equal((20, 20, 15, 5), (r.MembersReceived, r.MembersMatched, r.MembersAdded, r.MembersRemoved)));
        Assert.True(h.MembersOf(first.SegmentId).SetEquals(h.Contacts.Skip(5).Take(20)));
        Assert.Single(h.All(ImportRunTable.LogicalName), r => r.Id == importId);
    }

    [Fact]
    public void ContinuationCallsOnSixThreadsAtOnce_DoEachRequestOnce_AndCountEachMemberOnce()
    {
        if (target == SegmentTargetOption.RealTime)
        {
            return; // an apply spanning calls needs ~45,000 contacts in real-time; the outbound model runs this one
        }

        var scenario = new FaultScenario(target, ImportShape.MultiCall, live: true);
        var client = new SegmentImportClient(scenario.H.Service);
        var last = client.Send(FaultScenario.Export, scenario.ExportIds);
        Assert.True(last.IsApplying, "the apply must span calls for this test");

        var results = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6).Select(_ =>
        {
            var mine = new SegmentImportClient(scenario.H.Service);
            var result = mine.Continue(last.ImportId);
            while (result.IsApplying)
            {
                result = mine.Continue(last.ImportId);
            }

            return result;
        }).ToList();

        foreach (var result in results)
        {
            scenario.Verify(new ImportOutcome(result, 0), "parallel continuation");
        }

        var run = scenario.H.Service.Retrieve(ImportRunTable.LogicalName, last.ImportId, new ColumnSet(ImportRunTable.RequestsDone, ImportRunTable.PlannedRequests));
        Assert.Equal(run.GetAttributeValue<int>(ImportRunTable.PlannedRequests), run.GetAttributeValue<int>(ImportRunTable.RequestsDone));
    }
}
