using System;
using System.Collections.Generic;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>
    /// The seam between the import pipeline and the Journeys segment model that holds membership: the tables and
    /// messages of one model (outbound marketing's msdyncrm_segment, or real-time journeys' msdynmkt segments).
    /// </summary>
    public interface ISegmentTarget
    {
        SegmentTargetOption Kind { get; }

        /// <summary>Ids one include or exclude request may carry.</summary>
        int IdsPerMembershipRequest { get; }

        /// <summary>Ids one member group may hold (int.MaxValue for a model without groups).</summary>
        int GroupCapacity { get; }

        /// <summary>Member groups SegmentSync may use in a segment (1 for a model without groups).</summary>
        int MaxGroups(TargetSegment segment);

        /// <summary>The segment SegmentSync created before, or null when it no longer exists.</summary>
        TargetSegment? Find(Guid segmentId);

        /// <summary>Creates a new static segment in Draft, marked as coming from Customer Insights - Data.</summary>
        TargetSegment Create(SegmentFields fields);

        /// <summary>
        /// The segment's current members when the model keeps them in a column the segment row carries; false when it
        /// does not (then they are listed page by page, or the membership SegmentSync last applied stands in for them).
        /// </summary>
        bool TryReadMembers(TargetSegment segment, out HashSet<Guid> members);

        /// <summary>Whether the model lists a segment's members page by page (<see cref="ReadMembers"/>).</summary>
        bool ListsMembers { get; }

        /// <summary>One page (1-based) of the members of one of SegmentSync's groups.</summary>
        MemberPage ReadMembers(TargetSegment segment, int group, int pageNumber);

        /// <summary>Whether <paramref name="memberCount"/> members can be written in one update instead of member messages.</summary>
        bool CanReplaceMembersDirectly(TargetSegment segment, int memberCount);

        /// <summary>Writes the whole membership and the fields in one request.</summary>
        void ReplaceMembersDirectly(TargetSegment segment, IReadOnlyCollection<Guid> members, SegmentFields fields);

        /// <summary>Makes sure the segment declares <paramref name="groupCount"/> member groups for SegmentSync.</summary>
        void EnsureGroups(TargetSegment segment, int groupCount);

        /// <summary>Whether the model rejects an exclude request that names an id which is not an existing contact.</summary>
        bool ExcludedIdsMustBeContacts { get; }

        void Send(TargetSegment segment, MembershipRequest request);

        /// <summary>Writes name, external source and URL, description, size and refresh time where the model has them; never the status.</summary>
        void UpdateFields(TargetSegment segment, SegmentFields fields);
    }

    /// <summary>A page of member ids, and whether more pages follow.</summary>
    public sealed class MemberPage
    {
        public MemberPage(List<Guid> ids, bool hasMore)
        {
            Ids = ids;
            HasMore = hasMore;
        }

        public List<Guid> Ids { get; }
        public bool HasMore { get; }
    }
}
