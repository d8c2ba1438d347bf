using System;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Storage;

namespace SegmentSync.Plugins.Import
{
    /// <summary>The response of segsync_ImportSegment and segsync_ContinueSegmentImport.</summary>
    public sealed class ImportResult
    {
        public Guid SegmentId { get; set; }
        public Guid ImportId { get; set; }

        /// <summary>Receiving | Applying | Applied | Skipped (a superseded import reports Skipped).</summary>
        public string Status { get; set; } = string.Empty;
        public int BatchesReceived { get; set; }
        public int MembersReceived { get; set; }
        public int MembersMatched { get; set; }
        public int MembersIgnored { get; set; }
        public int MembersAdded { get; set; }
        public int MembersRemoved { get; set; }

        public static ImportResult From(ImportRunState run, int batchesReceived) => new ImportResult
        {
            SegmentId = run.TargetSegmentId ?? Guid.Empty,
            ImportId = run.Id,
            Status = StatusText(run.Status),
            BatchesReceived = batchesReceived,
            MembersReceived = run.MembersReceived,
            MembersMatched = run.MembersMatched,
            MembersIgnored = run.MembersIgnored,
            MembersAdded = run.MembersAdded,
            MembersRemoved = run.MembersRemoved,
        };

        // The API promises four states; for a caller a superseded import is one that will not be applied.
        private static string StatusText(ImportRunStatusOption status) =>
            status == ImportRunStatusOption.Superseded ? ImportRunStatusOption.Skipped.ToString() : status.ToString();
    }
}
