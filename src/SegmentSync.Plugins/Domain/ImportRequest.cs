using System;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>A validated segsync_ImportSegment call: one export, or one batch of it.</summary>
    public sealed class ImportRequest
    {
        public ImportRequest(string externalSegmentId, string segmentName, string externalSegmentUrl, DateTime exportedOnUtc,
            ContactIdSet contactIds, Guid? importId, int batchNumber, int batchCount)
        {
            ExternalSegmentId = externalSegmentId;
            SegmentName = segmentName;
            ExternalSegmentUrl = externalSegmentUrl;
            ExportedOnUtc = exportedOnUtc;
            ContactIds = contactIds;
            ImportId = importId;
            BatchNumber = batchNumber;
            BatchCount = batchCount;
        }

        public string ExternalSegmentId { get; }
        public string SegmentName { get; }
        public string ExternalSegmentUrl { get; }
        public DateTime ExportedOnUtc { get; }
        public ContactIdSet ContactIds { get; }

        /// <summary>The caller's import id; null for a single-call import (one is made up for it).</summary>
        public Guid? ImportId { get; }
        public int BatchNumber { get; }
        public int BatchCount { get; }
    }
}
