using System;
using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// A membership plan spread over the member groups of a segment model that caps each group (real-time journeys:
    /// 200,000 ids a static group, 10 groups). A model without groups is one group of unlimited capacity.
    /// </summary>
    /// <remarks>
    /// Includes run before excludes, so a group must hold its current members plus its additions at once: new ids go to
    /// the first group with room counted that way. An id that is already in a group stays there.
    /// </remarks>
    public sealed class GroupedPlan
    {
        private GroupedPlan(IReadOnlyList<IReadOnlyList<Guid>> adds, IReadOnlyList<IReadOnlyList<Guid>> removes)
        {
            AddsByGroup = adds;
            RemovesByGroup = removes;
        }

        public IReadOnlyList<IReadOnlyList<Guid>> AddsByGroup { get; }
        public IReadOnlyList<IReadOnlyList<Guid>> RemovesByGroup { get; }
        public int GroupCount => AddsByGroup.Count;
        public int AddCount => AddsByGroup.Sum(g => g.Count);
        public int RemoveCount => RemovesByGroup.Sum(g => g.Count);

        public static GroupedPlan SingleGroup(MembershipPlan plan) =>
            new GroupedPlan(new List<List<Guid>> { plan.Adds.ToList() }, new List<List<Guid>> { plan.Removes.ToList() });

        /// <summary>Rebuilds a stored plan: per group, its adds and its removes.</summary>
        public static GroupedPlan FromGroups(IReadOnlyList<IReadOnlyList<Guid>> adds, IReadOnlyList<IReadOnlyList<Guid>> removes) => new GroupedPlan(adds, removes);

        /// <exception cref="ImportValidationException">The wanted membership does not fit the model's groups.</exception>
        public static GroupedPlan Assign(MembershipPlan plan, IReadOnlyList<ICollection<Guid>> currentByGroup, int groupCapacity, int maxGroups)
        {
            var groupOf = new Dictionary<Guid, int>();
            for (var g = 0; g < currentByGroup.Count; g++)
            {
                foreach (var id in currentByGroup[g])
                {
                    groupOf[id] = g;
                }
            }

            var groups = Math.Max(1, currentByGroup.Count);
            var adds = NewGroups(groups);
            var removes = NewGroups(groups);
            foreach (var id in plan.Removes)
            {
                removes[groupOf.TryGetValue(id, out var g) ? g : 0].Add(id);
            }

            var load = Enumerable.Range(0, groups).Select(g => (long)(g < currentByGroup.Count ? currentByGroup[g].Count : 0)).ToList();
            var next = 0;
            foreach (var id in plan.Adds)
            {
                if (groupOf.TryGetValue(id, out var existing))
                {
                    adds[existing].Add(id);
                    continue;
                }

                while (next < load.Count && load[next] >= groupCapacity)
                {
                    next++;
                }

                if (next == load.Count)
                {
                    if (load.Count == maxGroups)
                    {
                        throw new ImportValidationException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                            "The segment cannot hold this membership: {0} groups of at most {1} members are allowed, and the new members do not fit while the old ones are still being removed.",
                            maxGroups, groupCapacity));
                    }

                    load.Add(0);
                    adds.Add(new List<Guid>());
                    removes.Add(new List<Guid>());
                }

                adds[next].Add(id);
                load[next]++;
            }

            return new GroupedPlan(adds, removes);
        }

        private static List<List<Guid>> NewGroups(int count) => Enumerable.Range(0, count).Select(_ => new List<Guid>()).ToList();
    }
}
