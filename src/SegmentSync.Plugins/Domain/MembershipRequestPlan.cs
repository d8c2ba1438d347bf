using System;
using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// Splits a membership plan into the requests that carry it: every include before any exclude, so a member kept by
    /// both memberships is never out of a Live segment, and each request within the target's per-request limit.
    /// </summary>
    public sealed class MembershipRequestPlan
    {
        private readonly List<Segment> _segments = new List<Segment>();

        public MembershipRequestPlan(IReadOnlyList<Guid> adds, IReadOnlyList<Guid> removes, int idsPerRequest)
            : this(GroupedPlan.FromGroups(new List<List<Guid>> { adds.ToList() }, new List<List<Guid>> { removes.ToList() }), idsPerRequest)
        {
        }

        public MembershipRequestPlan(GroupedPlan plan, int idsPerRequest)
        {
            if (idsPerRequest < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(idsPerRequest));
            }

            IdsPerRequest = idsPerRequest;
            for (var g = 0; g < plan.GroupCount; g++)
            {
                AddSegment(MembershipChange.Include, g, plan.AddsByGroup[g]);
            }

            AddRequestCount = RequestCount;
            for (var g = 0; g < plan.GroupCount; g++)
            {
                AddSegment(MembershipChange.Exclude, g, plan.RemovesByGroup[g]);
            }
        }

        public int IdsPerRequest { get; }
        public int AddRequestCount { get; }
        public int RequestCount { get; private set; }

        /// <summary>Request number <paramref name="index"/> (0-based) of the plan.</summary>
        public MembershipRequest Request(int index)
        {
            if (index < 0 || index >= RequestCount)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            var segment = _segments.Last(s => s.FirstRequest <= index);
            var start = (index - segment.FirstRequest) * IdsPerRequest;
            var count = Math.Min(IdsPerRequest, segment.Ids.Count - start);
            var ids = new List<Guid>(count);
            for (var i = 0; i < count; i++)
            {
                ids.Add(segment.Ids[start + i]);
            }

            return new MembershipRequest(segment.Change, ids, segment.Group);
        }

        public static int CeilingDivide(int value, int divisor) => (value + divisor - 1) / divisor;

        private void AddSegment(MembershipChange change, int group, IReadOnlyList<Guid> ids)
        {
            if (ids.Count == 0)
            {
                return;
            }

            _segments.Add(new Segment(change, group, ids, RequestCount));
            RequestCount += CeilingDivide(ids.Count, IdsPerRequest);
        }

        // The ids of one group and one change, and the number of the first request that carries them.
        private sealed class Segment
        {
            public Segment(MembershipChange change, int group, IReadOnlyList<Guid> ids, int firstRequest)
            {
                Change = change;
                Group = group;
                Ids = ids;
                FirstRequest = firstRequest;
            }

            public MembershipChange Change { get; }
            public int Group { get; }
            public IReadOnlyList<Guid> Ids { get; }
            public int FirstRequest { get; }
        }
    }

    public enum MembershipChange
    {
        Include,
        Exclude,
    }

    /// <summary>One include or exclude request's ids, for one member group of the segment.</summary>
    public sealed class MembershipRequest
    {
        public MembershipRequest(MembershipChange change, List<Guid> ids, int group = 0)
        {
            Change = change;
            Ids = ids;
            Group = group;
        }

        public MembershipChange Change { get; }
        public List<Guid> Ids { get; }

        /// <summary>0-based member group (always 0 for a model without groups).</summary>
        public int Group { get; }
    }
}
