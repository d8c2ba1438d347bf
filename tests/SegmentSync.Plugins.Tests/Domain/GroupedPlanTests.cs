using CsCheck;
using SegmentSync.Plugins.Domain;
using Xunit;

namespace SegmentSync.Plugins.Tests.Domain;

public class GroupedPlanTests
{
    private static List<Guid> Ids(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();

    [Fact]
    public void Assign_NewIds_FillTheFirstGroupWithRoomCountingCurrentMembersAndAdditionsTogether()
    {
        var current = Ids(8);
        var wanted = current.Take(4).Concat(Ids(10)).ToHashSet();

        var grouped = GroupedPlan.Assign(MembershipPlan.Create(wanted, current), [current.ToHashSet()], groupCapacity: 10, maxGroups: 5);

        // Group 0 holds 8 until the removals run after the additions: 2 fit there, 8 go to a new group.
        Assert.Equal(2, grouped.GroupCount);
        Assert.Equal(2, grouped.AddsByGroup[0].Count);
        Assert.Equal(8, grouped.AddsByGroup[1].Count);
        Assert.Equal(4, grouped.RemovesByGroup[0].Count);
    }

    [Fact]
    public void Assign_MoreThanTheGroupsHold_IsRefusedClearly()
    {
        var error = Assert.Throws<ImportValidationException>(() =>
            GroupedPlan.Assign(MembershipPlan.Create(Ids(31).ToHashSet(), new List<Guid>()), [new HashSet<Guid>()], groupCapacity: 10, maxGroups: 3));

        Assert.Contains("3 groups of at most 10 members", error.Message);
    }

    [Fact]
    public void Assign_RemovesComeFromTheGroupHoldingTheId()
    {
        var g0 = Ids(3);
        var g1 = Ids(3);

        var grouped = GroupedPlan.Assign(MembershipPlan.Create(new List<Guid> { g0[0], g1[0] }, g0.Concat(g1).ToList()), [g0.ToHashSet(), g1.ToHashSet()], 10, 10);

        Assert.True(grouped.RemovesByGroup[0].ToHashSet().SetEquals(g0.Skip(1)));
        Assert.True(grouped.RemovesByGroup[1].ToHashSet().SetEquals(g1.Skip(1)));
    }

    [Fact]
    public void Assign_AnyMemberships_NoGroupEverHoldsMoreThanItsCapacity_AndTheResultIsTheWantedSet()
    {
        Gen.Select(Gen.Int[0, 60], Gen.Int[0, 60], Gen.Int[0, 60], Gen.Int[5, 20]).Sample((keep, drop, add, capacity) =>
        {
            var kept = Ids(keep);
            var dropped = Ids(drop);
            var current = kept.Concat(dropped).ToList();
            var groups = current.Chunk(capacity).Select(c => c.ToHashSet()).ToList();
            if (groups.Count == 0) groups.Add(new HashSet<Guid>());
            var wanted = kept.Concat(Ids(add)).ToHashSet();

            GroupedPlan grouped;
            try
            {
                grouped = GroupedPlan.Assign(MembershipPlan.Create(wanted, current), groups, capacity, maxGroups: 50);
            }
            catch (ImportValidationException)
            {
                return; // only when more than 50 groups would be needed, which these sizes never reach
            }

            var members = new List<HashSet<Guid>>();
            for (var g = 0; g < grouped.GroupCount; g++)
            {
                var set = g < groups.Count ? new HashSet<Guid>(groups[g]) : new HashSet<Guid>();
                set.UnionWith(grouped.AddsByGroup[g]);
                Assert.True(set.Count <= capacity, "includes run first: a group must hold old and new members at once");
                set.ExceptWith(grouped.RemovesByGroup[g]);
                members.Add(set);
            }

            Assert.True(members.SelectMany(m => m).ToHashSet().SetEquals(wanted));
        }, iter: 500);
    }
}
