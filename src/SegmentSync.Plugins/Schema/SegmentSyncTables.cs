namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Schema names and option values of the tables SegmentSync ships (publisher prefix <c>segsync</c>,
    /// option value prefix 73610). The only place these names are written in C#.
    /// </summary>
    public static class ExternalSegmentTable
    {
        public const string LogicalName = "segsync_externalsegment";
        public const string EntitySetName = "segsync_externalsegments";

        /// <summary>
        /// The Custom APIs' execute privilege: writing SegmentSync's external segments. It exists wherever the solution
        /// is installed, whichever Journeys segment model the environment has.
        /// </summary>
        public const string WritePrivilege = "prvWritesegsync_externalsegment";
        public const string PrimaryId = "segsync_externalsegmentid";
        public const string Name = "segsync_name";
        public const string ExternalId = "segsync_externalid";
        public const string ExternalIdKey = "segsync_externalid_key";
        public const string ExternalUrl = "segsync_externalurl";
        public const string Target = "segsync_target";
        public const string TargetSegmentId = "segsync_targetsegmentid";
        public const string LastAppliedExportedOn = "segsync_lastappliedexportedon";
        public const string LastAppliedOn = "segsync_lastappliedon";
        public const string SnapshotImportId = "segsync_snapshotimportid";
        public const string ActiveImportId = "segsync_activeimportid";
        public const string MemberCount = "segsync_membercount";

        /// <summary>The last refresh line, shown on SegmentSync's own form where the segment model has no such column.</summary>
        public const string Description = "segsync_description";

        /// <summary>0 active (SegmentSync manages the segment), 1 inactive (released: SegmentSync lets go of it).</summary>
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";

        /// <summary>When and by whom the segment was last released (kept after it is re-linked, as history).</summary>
        public const string ReleasedOn = "segsync_releasedon";
        public const string ReleasedBy = "segsync_releasedby";

        /// <summary>Relationship systemuser -> external segments they released.</summary>
        public const string ReleasedByRelationship = "segsync_systemuser_externalsegment_releasedby";
    }

    public static class ImportRunTable
    {
        public const string LogicalName = "segsync_importrun";
        public const string EntitySetName = "segsync_importruns";
        public const string PrimaryId = "segsync_importrunid";
        public const string Name = "segsync_name";
        public const string ExternalSegment = "segsync_externalsegment";
        public const string ExternalId = "segsync_externalid";
        public const string SegmentName = "segsync_segmentname";
        public const string ExternalUrl = "segsync_externalurl";
        public const string ExportedOn = "segsync_exportedon";
        public const string BatchCount = "segsync_batchcount";
        public const string Status = "segsync_status";
        public const string Target = "segsync_target";
        public const string TargetSegmentId = "segsync_targetsegmentid";
        public const string MembersReceived = "segsync_membersreceived";
        public const string MembersMatched = "segsync_membersmatched";
        public const string MembersIgnored = "segsync_membersignored";
        public const string MembersAdded = "segsync_membersadded";
        public const string MembersRemoved = "segsync_membersremoved";
        public const string PlannedRequests = "segsync_plannedrequests";
        public const string RequestsDone = "segsync_requestsdone";
        public const string PlannedAdds = "segsync_plannedadds";
        public const string PlannedRemoves = "segsync_plannedremoves";
        public const string ApplyCalls = "segsync_applycalls";
        public const string PlanGroups = "segsync_plangroups";
        public const string ReadGroup = "segsync_readgroup";
        public const string ReadPage = "segsync_readpage";
        public const string ReadSlices = "segsync_readslices";
        public const string ReadComplete = "segsync_readcomplete";
        public const string Message = "segsync_message";
        public const string StartedOn = "segsync_startedon";
        public const string CompletedOn = "segsync_completedon";

        /// <summary>A refresh: the import whose received batches it re-applies (empty for an export).</summary>
        public const string SourceImportId = "segsync_sourceimportid";

        /// <summary>What started the run: an export (segsync_ImportSegment) or a refresh (segsync_RefreshSegments).</summary>
        public const string Trigger = "segsync_trigger";

        /// <summary>The user who started the run (the caller's initiating user).</summary>
        public const string TriggeredBy = "segsync_triggeredby";

        /// <summary>Relationship systemuser -> runs they started.</summary>
        public const string TriggeredByRelationship = "segsync_systemuser_importrun_triggeredby";
    }

    public static class ImportBatchTable
    {
        public const string LogicalName = "segsync_importbatch";
        public const string EntitySetName = "segsync_importbatches";
        public const string PrimaryId = "segsync_importbatchid";
        public const string Name = "segsync_name";
        public const string ImportRun = "segsync_importrun";
        public const string Kind = "segsync_kind";
        public const string Sequence = "segsync_sequence";
        public const string IdCount = "segsync_idcount";
        public const string Ids = "segsync_ids";
        /// <summary>One-to-many relationship run -> batches; deleting a run deletes its staging.</summary>
        public const string RunRelationship = "segsync_importrun_importbatch";
    }

    /// <summary>Values of <c>segsync_importrun.segsync_status</c>; the names are the API's Status strings.</summary>
    public enum ImportRunStatusOption
    {
        Receiving = 736100000,
        Applying = 736100001,
        Applied = 736100002,
        Skipped = 736100003,
        Superseded = 736100004,
    }

    /// <summary>Values of <c>segsync_importbatch.segsync_kind</c>.</summary>
    public enum ImportBatchKindOption
    {
        /// <summary>Ids as the caller sent them (one record per batch).</summary>
        Received = 736100000,
        /// <summary>A slice of the membership plan, kept while an apply spans several calls.</summary>
        Plan = 736100001,
        /// <summary>Received ids found to match no contact; with the received batches they record what was applied.</summary>
        Ignored = 736100002,
        /// <summary>The segment's current members as read from a model that lists them (real-time journeys groups).</summary>
        Current = 736100003,
    }

    /// <summary>Values of <c>segsync_importrun.segsync_trigger</c>.</summary>
    public enum ImportTriggerOption
    {
        /// <summary>An export received through segsync_ImportSegment.</summary>
        Export = 736100000,
        /// <summary>The last applied export re-applied by segsync_RefreshSegments.</summary>
        Refresh = 736100001,
    }

    /// <summary>Values of <c>segsync_externalsegment.statuscode</c> (statecode 0 Active, 1 Inactive).</summary>
    public enum ExternalSegmentStatusOption
    {
        /// <summary>State Active: SegmentSync manages the segment.</summary>
        Active = 1,
        /// <summary>State Inactive: deactivated by hand; SegmentSync treats it like a released segment.</summary>
        Inactive = 2,
        /// <summary>State Inactive: released with segsync_ReleaseSegment.</summary>
        Released = 736100000,
    }

    /// <summary>Values of <c>segsync_target</c>: which Journeys segment model holds the membership.</summary>
    public enum SegmentTargetOption
    {
        Outbound = 736100000,
        RealTime = 736100001,
    }
}
