using System;
using System.Collections.Generic;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>
    /// The seam between the import pipeline and the Journeys segment model that holds membership: the tables and
    /// messages of one model (outbound marketing's msdyncrm_segment today, real-time journeys next).
    /// </summary>
    public interface ISegmentTarget
    {
        SegmentTargetOption Kind { get; }

        /// <summary>Ids one include or exclude request may carry.</summary>
        int IdsPerMembershipRequest { get; }

        /// <summary>The segment SegmentSync created before, or null when it no longer exists.</summary>
        TargetSegment? Find(Guid segmentId);

        /// <summary>Creates a new static segment in Draft, marked as coming from Customer Insights - Data.</summary>
        TargetSegment Create(SegmentFields fields);

        /// <summary>
        /// The segment's current members when the model lets us read them exactly; false when it does not (then the
        /// membership SegmentSync last applied stands in for it).
        /// </summary>
        bool TryReadMembers(TargetSegment segment, out HashSet<Guid> members);

        /// <summary>Whether <paramref name="memberCount"/> members can be written in one update instead of member messages.</summary>
        bool CanReplaceMembersDirectly(TargetSegment segment, int memberCount);

        /// <summary>Writes the whole membership and the fields in one request.</summary>
        void ReplaceMembersDirectly(TargetSegment segment, IReadOnlyCollection<Guid> members, SegmentFields fields);

        void Send(TargetSegment segment, MembershipRequest request);

        /// <summary>Writes name, external source and URL, description, size and refresh time; never the status.</summary>
        void UpdateFields(TargetSegment segment, SegmentFields fields);
    }
}
