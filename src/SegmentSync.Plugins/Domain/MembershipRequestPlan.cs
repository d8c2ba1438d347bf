using System;
using System.Collections.Generic;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// Splits a membership plan into the requests that carry it: every include before any exclude, so a member kept by
    /// both memberships is never out of a Live segment, and each request within the target's per-request limit.
    /// </summary>
    public sealed class MembershipRequestPlan
    {
        private readonly IReadOnlyList<Guid> _adds;
        private readonly IReadOnlyList<Guid> _removes;

        public MembershipRequestPlan(IReadOnlyList<Guid> adds, IReadOnlyList<Guid> removes, int idsPerRequest)
        {
            if (idsPerRequest < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(idsPerRequest));
            }

            _adds = adds;
            _removes = removes;
            IdsPerRequest = idsPerRequest;
            AddRequestCount = CeilingDivide(adds.Count, idsPerRequest);
            RequestCount = AddRequestCount + CeilingDivide(removes.Count, idsPerRequest);
        }

        public int IdsPerRequest { get; }
        public int AddRequestCount { get; }
        public int RequestCount { get; }

        /// <summary>Request number <paramref name="index"/> (0-based) of the plan.</summary>
        public MembershipRequest Request(int index)
        {
            if (index < 0 || index >= RequestCount)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            var isAdd = index < AddRequestCount;
            var source = isAdd ? _adds : _removes;
            var start = (isAdd ? index : index - AddRequestCount) * IdsPerRequest;
            var count = Math.Min(IdsPerRequest, source.Count - start);
            var ids = new List<Guid>(count);
            for (var i = 0; i < count; i++)
            {
                ids.Add(source[start + i]);
            }

            return new MembershipRequest(isAdd ? MembershipChange.Include : MembershipChange.Exclude, ids);
        }

        public static int CeilingDivide(int value, int divisor) => (value + divisor - 1) / divisor;
    }

    public enum MembershipChange
    {
        Include,
        Exclude,
    }

    /// <summary>One include or exclude request's ids.</summary>
    public sealed class MembershipRequest
    {
        public MembershipRequest(MembershipChange change, List<Guid> ids)
        {
            Change = change;
            Ids = ids;
        }

        public MembershipChange Change { get; }
        public List<Guid> Ids { get; }
    }
}
