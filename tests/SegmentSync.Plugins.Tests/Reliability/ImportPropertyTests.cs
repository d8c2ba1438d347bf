using CsCheck;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using Xunit;
using Xunit.Abstractions;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Tests.Reliability;

public sealed class ImportPropertyTests_Outbound(ITestOutputHelper output) : ImportPropertyTests(SegmentTargetOption.Outbound, output);

public sealed class ImportPropertyTests_RealTime(ITestOutputHelper output) : ImportPropertyTests(SegmentTargetOption.RealTime, output);

/// <summary>
/// Properties of whole imports through the plug-in (CsCheck): for random old and new memberships, sent in random batch
/// sizes and random batch orders with batches sent twice, the segment ends with exactly the new membership (less ids
/// with no contact), the counts are exact, and the member requests sent are exactly the formula's:
/// ⌈added / ids per request⌉ + ⌈removed / ids per request⌉ for a Live segment, one update for a Draft one that fits.
/// </summary>
[Trait("Category", Figures.Category)]
public abstract class ImportPropertyTests(SegmentTargetOption target, ITestOutputHelper output)
{
    private const int Pool = 1200;

    private sealed record Sample(int[] Old, int[] New, int Unknown, int BatchSize, int Seed, int Repeats, bool Live);

    private static readonly Gen<Sample> Samples =
        Gen.Select(Gen.Int[0, Pool - 1].Array[0, 900], Gen.Int[0, Pool - 1].Array[0, 1100], Gen.Int[0, 3], Gen.Int[1, 400], Gen.Int, Gen.Int[0, 3], Gen.Bool)
            .Select((old, @new, unknown, size, seed, repeats, live) => new Sample(old.Distinct().ToArray(), @new, unknown, size, seed, repeats, live));

    [Fact]
    public void RandomMemberships_InRandomBatchOrders_GiveExactlyTheNewMembership_WithTheFormulasRequestCount()
    {
        var runs = 0;
        Samples.Sample(sample =>
        {
            var h = new ImportHarness(Pool, target);
            var old = sample.Old.Select(i => h.Contacts[i]).ToHashSet();
            var wanted = sample.New.Select(i => h.Contacts[i]).ToHashSet();
            var segment = h.Import(old).Final.SegmentId;
            if (sample.Live)
            {
                h.GoLive(segment);
            }

            // The export: the new members (some twice, in other formats), ids with no contact, in random batches sent in a random order, some twice.
            var random = new Random(sample.Seed);
            var ids = sample.New.Select(i => random.Next(4) == 0 ? "crm" + h.Contacts[i].ToString("N").ToUpperInvariant() : h.Contacts[i].ToString())
                .Concat(Enumerable.Range(0, sample.Unknown).Select(_ => Guid.NewGuid().ToString())).ToList();
            // An import has at most 1,000 batches (the API refuses more): small batch sizes grow to respect that.
            var batchSize = Math.Max(sample.BatchSize, (ids.Count + SegmentSync.Plugins.Schema.Limits.MaxBatchCount - 1) / SegmentSync.Plugins.Schema.Limits.MaxBatchCount);
            var batches = ids.Chunk(batchSize).Select(b => b.ToList()).ToList();
            if (batches.Count == 0)
            {
                batches.Add([]);
            }

            var order = Enumerable.Range(1, batches.Count).OrderBy(_ => random.Next()).ToList();
            for (var r = 0; r < sample.Repeats && order.Count > 0; r++)
            {
                order.Insert(random.Next(order.Count + 1), order[random.Next(order.Count)]);
            }

            Interlocked.Increment(ref runs);
            var requests = h.Environment.Dataverse.Requests;
            requests.Reset();
            var client = new SegmentImportClient(h.Service);
            var importId = Guid.NewGuid();
            var export = ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1));
            ImportCallResult? result = null;
            foreach (var number in order)
            {
                result = client.Send(export, batches[number - 1], importId, number, batches.Count);
            }

            result = client.ContinueUntilDone(result!, order.Count).Final;

            Assert.Equal("Applied", result.Status);
            Assert.True(h.MembersOf(segment).SetEquals(wanted));
            Assert.Equal((wanted.Count, sample.Unknown, wanted.Count(id => !old.Contains(id)), old.Count(id => !wanted.Contains(id))),
                (result.MembersMatched, result.MembersIgnored, result.MembersAdded, result.MembersRemoved));

            var perRequest = h.IsRealTime ? R.IdsPerRequest : MemberIdListCodec.MaxIdsWithin(S.MemberIdsParameterMaxLength, withPrefix: false);
            var includes = requests.FromPluginsCountOf(h.IsRealTime ? R.AddStaticMembers : S.IncludeMembersMessage);
            var excludes = requests.FromPluginsCountOf(h.IsRealTime ? R.RemoveStaticMembers : S.ExcludeMembersMessage);
            if (!h.IsRealTime && !sample.Live)
            {
                // A Draft segment whose list fits its column gets it in one update.
                Assert.Equal((0, 0), (includes, excludes));
                return;
            }

            // Ids with no contact are planned like any other and dropped when checked: with them, a request may go unsent.
            var adds = wanted.Count(id => !old.Contains(id));
            var removes = old.Count(id => !wanted.Contains(id));
            var formula = (Ceiling(adds, perRequest), Ceiling(removes, perRequest));
            if (sample.Unknown == 0)
            {
                Assert.Equal(formula, ((int)includes, (int)excludes));
            }
            else
            {
                Assert.InRange(includes, formula.Item1, Ceiling(adds + sample.Unknown, perRequest));
                Assert.Equal(formula.Item2, (int)excludes);
            }
        }, iter: 150);

        Figures.Report(output, "property-runs", runs, $"{target}: random memberships, batch sizes and orders (with repeated batches) through the plug-in");
    }

    private static int Ceiling(int value, int divisor) => (value + divisor - 1) / divisor;
}

/// <summary>Properties of the grouped plans real-time journeys needs (static groups of capped size).</summary>
[Trait("Category", Figures.Category)]
public sealed class GroupedPlanPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void GroupedPlans_NeverOverfillAGroup_AndApplyingThemGivesTheWantedMembership()
    {
        // Real-time journeys caps each static group: includes run before excludes, so a group holds old and new at once.
        var gen = Gen.Select(Gen.Int[0, 299].Array[0, 200], Gen.Int[0, 299].Array[0, 200], Gen.Int[20, 120], Gen.Int[1, 6]);
        gen.Sample((current, wanted, capacity, maxGroups) =>
        {
            var ids = Enumerable.Range(0, 300).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();
            // The current members, spread over groups that respect the capacity.
            var groups = current.Distinct().Select(i => ids[i]).Chunk(capacity).Select(c => c.ToHashSet()).ToList();
            if (groups.Count > maxGroups)
            {
                return;
            }

            var want = wanted.Select(i => ids[i]).ToHashSet();
            GroupedPlan plan;
            try
            {
                plan = GroupedPlan.Assign(MembershipPlan.Create(want, groups.SelectMany(g => g).ToList()), groups.Cast<ICollection<Guid>>().ToList(), capacity, maxGroups);
            }
            catch (ImportValidationException)
            {
                // Refused only when old and new members together cannot fit the groups.
                Assert.True(groups.Sum(g => g.Count) + want.Count(id => !groups.Any(g => g.Contains(id))) > capacity * maxGroups);
                return;
            }

            var state = Enumerable.Range(0, plan.GroupCount).Select(g => g < groups.Count ? new HashSet<Guid>(groups[g]) : new HashSet<Guid>()).ToList();
            for (var g = 0; g < plan.GroupCount; g++)
            {
                state[g].UnionWith(plan.AddsByGroup[g]);
                Assert.True(state[g].Count <= capacity, "a group overflows between includes and excludes");
            }

            for (var g = 0; g < plan.GroupCount; g++)
            {
                state[g].ExceptWith(plan.RemovesByGroup[g]);
            }

            Assert.True(state.SelectMany(s => s).ToHashSet().SetEquals(want));
            Assert.Equal(state.Sum(s => s.Count), state.SelectMany(s => s).Distinct().Count());
        }, iter: 3000);
        Figures.Report(output, "property-runs", 3000, "grouped plans within group capacity");
    }
}
