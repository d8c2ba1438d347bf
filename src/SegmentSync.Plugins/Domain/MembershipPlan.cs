using System;
using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// The difference between the membership a segment has and the one the export wants.
    /// </summary>
    /// <remarks>
    /// <para>Ids in <c>uncertain</c> are ones whose membership is unknown (an earlier import was superseded after it
    /// had changed some of them). They are included when wanted and excluded otherwise: including a member or
    /// excluding a non-member is harmless, guessing wrong is not.</para>
    /// <para>Adds and removes are sorted so that a plan rebuilt from the same inputs is the same plan.</para>
    /// </remarks>
    public sealed class MembershipPlan
    {
        private MembershipPlan(List<Guid> adds, List<Guid> removes)
        {
            Adds = adds;
            Removes = removes;
        }

        public IReadOnlyList<Guid> Adds { get; }
        public IReadOnlyList<Guid> Removes { get; }
        public bool IsEmpty => Adds.Count == 0 && Removes.Count == 0;

        public static MembershipPlan Create(ICollection<Guid> wanted, ICollection<Guid> current, ICollection<Guid>? uncertain = null)
        {
            var wantedSet = AsSet(wanted);
            var currentSet = AsSet(current);
            var uncertainSet = uncertain == null ? new HashSet<Guid>() : AsSet(uncertain);

            var adds = wantedSet.Where(id => !currentSet.Contains(id) || uncertainSet.Contains(id)).ToList();
            var removes = currentSet.Concat(uncertainSet).Where(id => !wantedSet.Contains(id)).Distinct().ToList();
            adds.Sort();
            removes.Sort();
            return new MembershipPlan(adds, removes);
        }

        private static HashSet<Guid> AsSet(ICollection<Guid> ids) => ids as HashSet<Guid> ?? new HashSet<Guid>(ids);
    }
}
