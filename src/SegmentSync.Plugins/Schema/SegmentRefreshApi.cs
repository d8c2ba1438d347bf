using System.Collections.Generic;

namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Names and metadata of the refresh and release Custom APIs: re-applying the last export SegmentSync received
    /// (on demand, from a flow or a classic workflow) and letting go of a segment.
    /// </summary>
    public static class SegmentRefreshApi
    {
        public const string RefreshSegments = "segsync_RefreshSegments";
        public const string ReleaseSegment = "segsync_ReleaseSegment";

        // Request parameters (ExternalSegmentId is the import API's name and meaning)
        public const string ExternalSegmentId = SegmentImportApi.ExternalSegmentId;
        public const string RefreshStartedOn = "RefreshStartedOn";

        // Response properties
        public const string Status = SegmentImportApi.Status;
        public const string SegmentsRefreshed = "SegmentsRefreshed";
        public const string SegmentsSkipped = "SegmentsSkipped";
        public const string MembersAdded = SegmentImportApi.MembersAdded;
        public const string MembersRemoved = SegmentImportApi.MembersRemoved;
        public const string MembersIgnored = SegmentImportApi.MembersIgnored;
        public const string ImportIds = "ImportIds";
        public const string SegmentId = SegmentImportApi.SegmentId;
        public const string ReleasedOn = "ReleasedOn";

        /// <summary>Status values of segsync_RefreshSegments.</summary>
        public const string Applying = "Applying";
        public const string Applied = "Applied";

        /// <summary>Status of segsync_ReleaseSegment.</summary>
        public const string Released = "Released";

        /// <summary>Separator of the ids in <see cref="ImportIds"/>.</summary>
        public const char ImportIdSeparator = ',';

        public static CustomApiDescriptor RefreshSegmentsDescriptor => new CustomApiDescriptor(
            RefreshSegments,
            "Refresh segments",
            "Re-applies the last export SegmentSync received to one segment, or to every segment it manages: contacts created since join, manual edits are overwritten.",
            "SegmentSync.Plugins.Refresh.RefreshSegmentsPlugin",
            new[]
            {
                new ApiField(ExternalSegmentId, ApiFieldType.String, true, "The segment's id in Customer Insights - Data; absent: every segment SegmentSync manages."),
                new ApiField(RefreshStartedOn, ApiFieldType.DateTime, true, "To continue a refresh: the RefreshStartedOn its first call returned. Segments refreshed since then are not started again."),
            },
            new[]
            {
                new ApiField(Status, ApiFieldType.String, false, "Applying (call again, or continue each of ImportIds) | Applied."),
                new ApiField(SegmentsRefreshed, ApiFieldType.Integer, false, "Segments whose refresh is applied."),
                new ApiField(SegmentsSkipped, ApiFieldType.Integer, false, "Segments whose refresh was skipped because a newer import is being applied."),
                new ApiField(MembersAdded, ApiFieldType.Integer, false, "Members added by the refresh."),
                new ApiField(MembersRemoved, ApiFieldType.Integer, false, "Members removed by the refresh."),
                new ApiField(MembersIgnored, ApiFieldType.Integer, false, "Exported ids that still match no contact."),
                new ApiField(ImportIds, ApiFieldType.String, false, "Comma-separated ids of the runs this call started, and of earlier ones still Applying."),
                new ApiField(RefreshStartedOn, ApiFieldType.DateTime, false, "When this refresh started: pass it back to continue the refresh."),
            },
            isWorkflowEnabled: true);

        public static CustomApiDescriptor ReleaseSegmentDescriptor => new CustomApiDescriptor(
            ReleaseSegment,
            "Release segment",
            "Stops SegmentSync managing a segment: it keeps its members and fields, and later exports of it are refused until it is re-linked.",
            "SegmentSync.Plugins.Release.ReleaseSegmentPlugin",
            new[]
            {
                new ApiField(ExternalSegmentId, ApiFieldType.String, false, "The segment's id in Customer Insights - Data."),
            },
            new[]
            {
                new ApiField(SegmentId, ApiFieldType.Guid, false, "The Journeys segment, which keeps its last members."),
                new ApiField(Status, ApiFieldType.String, false, "Released."),
                new ApiField(ReleasedOn, ApiFieldType.DateTime, false, "When the segment was released (UTC)."),
            });

        public static IReadOnlyList<CustomApiDescriptor> All => new[] { RefreshSegmentsDescriptor, ReleaseSegmentDescriptor };
    }
}
