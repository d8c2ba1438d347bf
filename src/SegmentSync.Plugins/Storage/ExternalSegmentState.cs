using System;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Storage
{
    /// <summary>SegmentSync's record of one external segment: which Journeys segment mirrors it, and what was applied.</summary>
    public sealed class ExternalSegmentState
    {
        public Guid Id { get; set; }
        public string ExternalId { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public string Url { get; set; } = string.Empty;
        public SegmentTargetOption Target { get; set; } = SegmentTargetOption.Outbound;

        /// <summary>The Journeys segment SegmentSync created; found by id, so renames on either side do not matter.</summary>
        public Guid? TargetSegmentId { get; set; }

        public DateTime? LastAppliedExportedOn { get; set; }
        public DateTime? LastAppliedOn { get; set; }

        /// <summary>The applied import whose received batches hold the membership SegmentSync last applied.</summary>
        public Guid? SnapshotImportId { get; set; }

        /// <summary>An import that has started changing the segment and not finished.</summary>
        public Guid? ActiveImportId { get; set; }

        public int MemberCount { get; set; }

        /// <summary>The last refresh line (as the outbound segment's Description shows it).</summary>
        public string? Description { get; set; }

        /// <summary>
        /// Whether SegmentSync manages the segment: the record is active. A released (or deactivated) segment keeps its
        /// members, is not refreshed and its exports are refused until an admin activates the record again.
        /// </summary>
        public bool IsManaged { get; set; } = true;

        public ExternalSegmentStatusOption StatusReason { get; set; } = ExternalSegmentStatusOption.Active;

        /// <summary>When and by whom the segment was last released (kept after it is re-linked).</summary>
        public DateTime? ReleasedOn { get; set; }
        public Guid? ReleasedBy { get; set; }
    }
}
