using System.Collections.Generic;

namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Names and metadata of the segment-import Custom APIs. Callers (Customer Insights - Data, flows, segsync) use
    /// these names verbatim.
    /// </summary>
    public static class SegmentImportApi
    {
        public const string ImportSegment = "segsync_ImportSegment";
        public const string ContinueSegmentImport = "segsync_ContinueSegmentImport";

        // Request parameters
        public const string ExternalSegmentId = "ExternalSegmentId";
        public const string SegmentName = "SegmentName";
        public const string ExternalSegmentUrl = "ExternalSegmentUrl";
        public const string ExportedOn = "ExportedOn";
        public const string ContactIds = "ContactIds";
        public const string ImportId = "ImportId";
        public const string BatchNumber = "BatchNumber";
        public const string BatchCount = "BatchCount";

        // Response properties (ImportId is both)
        public const string SegmentId = "SegmentId";
        public const string Status = "Status";
        public const string BatchesReceived = "BatchesReceived";
        public const string MembersReceived = "MembersReceived";
        public const string MembersMatched = "MembersMatched";
        public const string MembersIgnored = "MembersIgnored";
        public const string MembersAdded = "MembersAdded";
        public const string MembersRemoved = "MembersRemoved";

        public static CustomApiDescriptor ImportSegmentDescriptor => new CustomApiDescriptor(
            ImportSegment,
            "Import segment",
            "Receives a segment exported from Customer Insights - Data (whole or one batch) and makes the Journeys segment mirror it.",
            "SegmentSync.Plugins.Import.ImportSegmentPlugin",
            new[]
            {
                new ApiField(ExternalSegmentId, ApiFieldType.String, false, "The segment's id in Customer Insights - Data (max 100 characters)."),
                new ApiField(SegmentName, ApiFieldType.String, false, "The segment's name (max 100 characters)."),
                new ApiField(ExternalSegmentUrl, ApiFieldType.String, false, "Absolute http(s) URL of the source segment (max 2000 characters)."),
                new ApiField(ExportedOn, ApiFieldType.DateTime, false, "When the source produced this export (UTC)."),
                new ApiField(ContactIds, ApiFieldType.StringArray, false, "Contact ids: the whole membership or one batch of it (at most 10,000)."),
                new ApiField(ImportId, ApiFieldType.Guid, true, "Identifies a multi-batch import; absent for a single-call import."),
                new ApiField(BatchNumber, ApiFieldType.Integer, true, "1-based number of this batch within ImportId."),
                new ApiField(BatchCount, ApiFieldType.Integer, true, "Total number of batches of ImportId; the same on every batch."),
            },
            ImportResponseProperties());

        public static CustomApiDescriptor ContinueSegmentImportDescriptor => new CustomApiDescriptor(
            ContinueSegmentImport,
            "Continue segment import",
            "Performs the next bounded step of an import whose Status is Applying.",
            "SegmentSync.Plugins.Import.ContinueSegmentImportPlugin",
            new[] { new ApiField(ImportId, ApiFieldType.Guid, false, "The import to continue.") },
            ImportResponseProperties());

        public static IReadOnlyList<CustomApiDescriptor> All => new[] { ImportSegmentDescriptor, ContinueSegmentImportDescriptor };

        private static ApiField[] ImportResponseProperties() => new[]
        {
            new ApiField(SegmentId, ApiFieldType.Guid, false, "The Journeys segment; empty until it exists."),
            new ApiField(ImportId, ApiFieldType.Guid, false, "The import run."),
            new ApiField(Status, ApiFieldType.String, false, "Receiving | Applying | Applied | Skipped."),
            new ApiField(BatchesReceived, ApiFieldType.Integer, false, "Batches of the import received so far."),
            new ApiField(MembersReceived, ApiFieldType.Integer, false, "Distinct contact ids received."),
            new ApiField(MembersMatched, ApiFieldType.Integer, false, "Received ids that match an existing contact."),
            new ApiField(MembersIgnored, ApiFieldType.Integer, false, "Received ids with no contact (ignored)."),
            new ApiField(MembersAdded, ApiFieldType.Integer, false, "Members added to the segment."),
            new ApiField(MembersRemoved, ApiFieldType.Integer, false, "Members removed from the segment."),
        };
    }
}
