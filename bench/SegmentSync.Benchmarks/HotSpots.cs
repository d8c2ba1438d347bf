using SegmentSync.Benchmarks.Profiling;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Benchmarks;

/// <summary>
/// CPU of the plug-in's domain steps at the scenarios' sizes, called directly (they are public and pure), to show
/// where the plug-in's own time goes.
/// </summary>
public static class HotSpots
{
    public sealed record Step(string Name, string Where, double Ms, string Note);

    // Notes are built after the step ran, so they can describe its result.

    public static List<Step> Measure(Scenario first, Scenario refresh)
    {
        using var gc = MeasurementGc.Begin();
        var steps = new List<Step>();
        var ids = first.Imports[0].Ids;
        var batches = ids.Chunk(Limits.MaxContactIdsPerCall).Select(b => (IReadOnlyList<string?>)b.ToList()).ToList();
        var parsed = new List<ContactIdSet>();
        steps.Add(Time("Parse and validate the ids (ContactIdParser.Parse)", "every batch call", () => parsed = batches.Select(b => ContactIdParser.Parse(b, "ContactIds")).ToList(),
            () => $"{ids.Count:N0} ids in {batches.Count} calls"));
        var encoded = new List<string>();
        steps.Add(Time("Stage a batch (CompactIdCodec.Encode)", "every batch call", () => encoded = parsed.Select(p => CompactIdCodec.Encode(p.Ids)).ToList(), () => $"{batches.Count} batches"));
        var received = new HashSet<Guid>();
        steps.Add(Time("Read the staged batches back (Decode + HashSet)", "the call that plans", () =>
        {
            received = new HashSet<Guid>();
            foreach (var text in encoded)
            {
                received.UnionWith(CompactIdCodec.Decode(text));
            }
        }, () => $"{received.Count:N0} ids"));
        MembershipPlan plan = MembershipPlan.Create(received, new HashSet<Guid>());
        steps.Add(Time("Plan a first import (MembershipPlan.Create: diff + sort)", "the call that plans", () => plan = MembershipPlan.Create(received, new HashSet<Guid>()), () => $"{plan.Adds.Count:N0} adds sorted"));
        var ordered = plan.Adds.Concat(plan.Removes).ToList();
        var slices = new List<string>();
        steps.Add(Time("Store the plan (40,000-id slices, Encode)", "the call that plans", () =>
        {
            slices = new List<string>();
            for (var s = 0; s * Limits.PlanSliceIds < ordered.Count; s++)
            {
                slices.Add(CompactIdCodec.Encode(ordered.Skip(s * Limits.PlanSliceIds).Take(Limits.PlanSliceIds).ToList()));
            }
        }, () => $"{slices.Count} slices"));
        steps.Add(Time("Load the whole plan (LoadPlan: Decode all slices + Take/Skip lists)", "every continuation call", () =>
        {
            var all = slices.SelectMany(CompactIdCodec.Decode).ToList();
            var adds = all.Take(plan.Adds.Count).ToList();
            var removes = all.Skip(plan.Adds.Count).ToList();
            GC.KeepAlive(adds);
            GC.KeepAlive(removes);
        }, () => $"{ordered.Count:N0} ids decoded in every continuation call"));
        var perRequest = LowerBound.OutboundIdsPerRequest;
        steps.Add(Time("Serialize member lists (MemberIdListCodec.Serialize)", "every membership request", () =>
        {
            for (var i = 0; i < ordered.Count; i += perRequest)
            {
                MemberIdListCodec.Serialize(ordered.Skip(i).Take(perRequest), withPrefix: false);
            }
        }, () => $"{(ordered.Count + perRequest - 1) / perRequest:N0} requests"));

        var import = refresh.Imports[0];
        var wanted = new HashSet<Guid>(import.Ids.Select(Guid.Parse));
        var current = new HashSet<Guid>(import.Current);
        steps.Add(Time("Plan a refresh (MembershipPlan.Create)", "the call that plans", () => MembershipPlan.Create(wanted, current), () => $"{wanted.Count:N0} wanted against {current.Count:N0} current"));
        return steps;
    }

    private static Step Time(string name, string where, Action action, Func<string> note)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < 2; i++)
        {
            var cpu = ThreadCpu.Now();
            action();
            best = Math.Min(best, ThreadCpu.Ms(ThreadCpu.Now() - cpu));
        }

        return new Step(name, where, best, note());
    }
}
