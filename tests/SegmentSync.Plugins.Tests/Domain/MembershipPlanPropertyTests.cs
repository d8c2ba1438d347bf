using CsCheck;
using SegmentSync.Plugins.Domain;
using Xunit;

namespace SegmentSync.Plugins.Tests.Domain;

/// <summary>Properties of the membership diff and its split into requests, over random memberships.</summary>
public class MembershipPlanPropertyTests
{
    // Ids drawn from a small pool so that random sets overlap often.
    private static readonly Guid[] Pool = Enumerable.Range(0, 400).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();
    private static readonly Gen<HashSet<Guid>> GenSet = Gen.Int[0, Pool.Length - 1].HashSet[0, 300].Select(s => s.Select(i => Pool[i]).ToHashSet());

    [Fact]
    public void Applying_IncludesThenExcludes_GivesExactlyTheWantedMembership()
    {
        Gen.Select(GenSet, GenSet, GenSet).Sample((wanted, current, uncertain) =>
        {
            var plan = MembershipPlan.Create(wanted, current, uncertain);
            // The true membership may hold any part of the uncertain ids: try the worst cases.
            foreach (var actual in new[] { current.Except(uncertain).ToHashSet(), current.Union(uncertain).ToHashSet() })
            {
                actual.UnionWith(plan.Adds);
                actual.ExceptWith(plan.Removes);
                Assert.True(actual.SetEquals(wanted));
            }
        }, iter: 2000);
    }

    [Fact]
    public void Plan_NeverTouchesAMemberKeptByBothMemberships()
    {
        Gen.Select(GenSet, GenSet).Sample((wanted, current) =>
        {
            var plan = MembershipPlan.Create(wanted, current);
            var kept = wanted.Intersect(current).ToHashSet();
            Assert.DoesNotContain(plan.Removes, kept.Contains);
            Assert.DoesNotContain(plan.Adds, kept.Contains);
            Assert.Equal(wanted.Count(id => !current.Contains(id)), plan.Adds.Count);
            Assert.Equal(current.Count(id => !wanted.Contains(id)), plan.Removes.Count);
        }, iter: 2000);
    }

    [Fact]
    public void Plan_SameInputs_SamePlan()
    {
        Gen.Select(GenSet, GenSet).Sample((wanted, current) =>
        {
            var a = MembershipPlan.Create(wanted, current);
            var b = MembershipPlan.Create(wanted.Reverse().ToList(), current.Reverse().ToList());
            Assert.Equal(a.Adds, b.Adds);
            Assert.Equal(a.Removes, b.Removes);
        }, iter: 500);
    }

    [Fact]
    public void Requests_IncludesComeFirst_EachWithinLimit_CountMatchesTheFormula()
    {
        Gen.Select(GenSet, GenSet, Gen.Int[1, 50]).Sample((wanted, current, perRequest) =>
        {
            var plan = MembershipPlan.Create(wanted, current);
            var requests = new MembershipRequestPlan(plan.Adds, plan.Removes, perRequest);
            var all = Enumerable.Range(0, requests.RequestCount).Select(requests.Request).ToList();

            Assert.Equal((plan.Adds.Count + perRequest - 1) / perRequest + (plan.Removes.Count + perRequest - 1) / perRequest, requests.RequestCount);
            Assert.All(all, r => Assert.InRange(r.Ids.Count, 1, perRequest));
            var firstExclude = all.FindIndex(r => r.Change == MembershipChange.Exclude);
            Assert.True(firstExclude < 0 || all.Skip(firstExclude).All(r => r.Change == MembershipChange.Exclude));
            Assert.Equal(plan.Adds, all.Where(r => r.Change == MembershipChange.Include).SelectMany(r => r.Ids));
            Assert.Equal(plan.Removes, all.Where(r => r.Change == MembershipChange.Exclude).SelectMany(r => r.Ids));
        }, iter: 1000);
    }
}
