using SegmentSync.Emulator;
using SegmentSync.Plugins.Schema;
using Xunit;
using Xunit.Abstractions;

namespace SegmentSync.Plugins.Tests.Reliability;

public sealed class FaultSweepTests_Outbound(ITestOutputHelper output) : FaultSweepTests(SegmentTargetOption.Outbound, output);

public sealed class FaultSweepTests_RealTime(ITestOutputHelper output) : FaultSweepTests(SegmentTargetOption.RealTime, output);

/// <summary>
/// Every Dataverse request of an import fails in turn — the caller's Custom API calls and every request the
/// plug-in makes inside them — and the caller retries the failed call. The failure rolls the call back; after the
/// retry the segment equals the export exactly, no member is duplicated, the counts are exact, and during the
/// import (checked before every request, inside transactions too) no member of both memberships leaves the segment.
/// Imports whose apply spans calls have too many requests to fail each: they fail a documented sample (every
/// request whose message occurs for the first time, the first and last five, and an even spread to 16 in all).
/// </summary>
[Trait("Category", Figures.Category)]
public abstract class FaultSweepTests(SegmentTargetOption target, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ImportShape.SingleCall, false)]
    [InlineData(ImportShape.SingleCall, true)]
    [InlineData(ImportShape.MultiBatch, false)]
    [InlineData(ImportShape.MultiBatch, true)]
    public void FailingEachRequestInTurn_ThenRetrying_GivesExactlyTheExport(ImportShape shape, bool live) => Sweep(shape, live, sampleSize: null);

    [Theory]
    [InlineData(ImportShape.MultiCall, true)]
    public void FailingASampleOfTheRequestsOfAnApplySpanningCalls_ThenRetrying_GivesExactlyTheExport(ImportShape shape, bool live) => Sweep(shape, live, sampleSize: 16);

    private void Sweep(ImportShape shape, bool live, int? sampleSize)
    {
        // A run without faults: how many requests the import makes, and which.
        var baseline = new FaultScenario(target, shape, live);
        var observed = baseline.ObserveEveryRequest();
        var outcome = baseline.Run();
        var requests = observed.ToList();
        baseline.Verify(outcome, "without faults");
        var positions = Positions(requests, sampleSize);

        var injected = 0;
        var retried = 0;
        foreach (var position in positions)
        {
            var scenario = new FaultScenario(target, shape, live);
            scenario.ObserveEveryRequest();
            scenario.H.Environment.Dataverse.Faults.FailNth(position);
            var label = $"{target} {shape} {(live ? "Live" : "Draft")}, request {position} of {requests.Count} ({requests[position - 1].MessageName}{(requests[position - 1].FromPlugin ? " from the plug-in" : " by the caller")}) failing";

            var result = scenario.Run();

            Assert.True(scenario.H.Environment.Dataverse.Faults.Injected == 1, label + ": the fault was not injected");
            Assert.True(scenario.Retries == 1, $"{label}: {scenario.Retries} retries");
            scenario.Verify(result, label);
            var notes = scenario.RunNotes(result.Final.ImportId);
            Assert.True(notes.Count == 1 && notes[0].Contains(" Retry: ") && notes[0].Contains("after error 0x80044151"), label + ": the run history does not record the retry: " + string.Join(" | ", notes));
            injected += scenario.H.Environment.Dataverse.Faults.Injected;
            retried += scenario.Retries;
        }

        Figures.Report(output, "faults-injected", injected,
            $"{target} {shape} {(live ? "Live" : "Draft")}: {positions.Count} of {requests.Count} request positions failed, {retried} calls retried, 0 lost");
        Figures.Report(output, "data-lost", 0, $"{target} {shape} {(live ? "Live" : "Draft")}");
    }

    /// <summary>Every position, or the sample: first occurrences of each message, the first and last five, an even spread.</summary>
    private static List<int> Positions(List<RequestInfo> requests, int? sampleSize)
    {
        var all = Enumerable.Range(1, requests.Count).ToList();
        if (sampleSize is not int size || requests.Count <= size)
        {
            return all;
        }

        var chosen = new SortedSet<int>();
        foreach (var first in requests.Select((r, i) => (r, i)).GroupBy(x => (x.r.MessageName, x.r.EntityName, x.r.FromPlugin)).Select(g => g.First().i + 1))
        {
            chosen.Add(first);
        }

        foreach (var edge in all.Take(5).Concat(all.TakeLast(5)))
        {
            chosen.Add(edge);
        }

        var step = Math.Max(1.0, (double)requests.Count / Math.Max(1, size - chosen.Count));
        for (var p = step / 2; chosen.Count < size && p <= requests.Count; p += step)
        {
            chosen.Add((int)Math.Ceiling(p));
        }

        return chosen.ToList();
    }
}
