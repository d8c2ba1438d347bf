using System;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Storage
{
    /// <summary>One import run: the run history a maker reads, and the progress of an apply spanning calls.</summary>
    public sealed class ImportRunState
    {
        public Guid Id { get; set; }
        public Guid? ExternalSegmentRecordId { get; set; }
        public string ExternalId { get; set; } = string.Empty;
        public string SegmentName { get; set; } = string.Empty;
        public string Url { get; set; } = string.Empty;
        public DateTime ExportedOn { get; set; }
        public int BatchCount { get; set; }
        public ImportRunStatusOption Status { get; set; } = ImportRunStatusOption.Receiving;
        public SegmentTargetOption Target { get; set; } = SegmentTargetOption.Outbound;
        public Guid? TargetSegmentId { get; set; }
        public int MembersReceived { get; set; }
        public int MembersMatched { get; set; }
        public int MembersIgnored { get; set; }
        public int MembersAdded { get; set; }
        public int MembersRemoved { get; set; }

        /// <summary>Ids the plan includes (the first part of the stored plan) and excludes (the rest).</summary>
        public int PlannedAdds { get; set; }
        public int PlannedRemoves { get; set; }

        /// <summary>Membership requests of the plan already sent; the next call resumes here.</summary>
        public int RequestsDone { get; set; }
        public int PlannedRequests { get; set; }
        public bool IsPlanned => PlannedRequests > 0;
        public int ApplyCalls { get; set; }

        /// <summary>Member groups the stored plan spans.</summary>
        public int PlanGroups { get; set; }

        /// <summary>Where reading the segment's current members has got to (models that list members page by page).</summary>
        public int ReadGroup { get; set; }
        public int ReadPage { get; set; }
        public int ReadSlices { get; set; }
        public bool ReadComplete { get; set; }
        public string? Message { get; set; }

        /// <summary>What the run history keeps below the message: retried calls, oldest first (see <see cref="Domain.RunMessage"/>).</summary>
        public System.Collections.Generic.List<string> Notes { get; set; } = new System.Collections.Generic.List<string>();
        public DateTime StartedOn { get; set; }
        public DateTime? CompletedOn { get; set; }

        /// <summary>Export (segsync_ImportSegment) or Refresh (segsync_RefreshSegments).</summary>
        public ImportTriggerOption Trigger { get; set; } = ImportTriggerOption.Export;

        /// <summary>A refresh: the import whose received batches it re-applies. Null for an export.</summary>
        public Guid? SourceImportId { get; set; }

        /// <summary>The user who started the run.</summary>
        public Guid? TriggeredBy { get; set; }

        public bool IsRefresh => Trigger == ImportTriggerOption.Refresh;

        /// <summary>The run whose received batches hold this run's ids: its source for a refresh, itself otherwise.</summary>
        public Guid ReceivedFrom => SourceImportId ?? Id;

        public bool IsFinished => Status == ImportRunStatusOption.Applied || Status == ImportRunStatusOption.Skipped || Status == ImportRunStatusOption.Superseded;
    }
}
