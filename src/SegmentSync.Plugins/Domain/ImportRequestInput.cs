using System;
using System.Collections.Generic;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>The raw parameters of a segsync_ImportSegment call, before validation.</summary>
    public sealed class ImportRequestInput
    {
        public string? ExternalSegmentId { get; set; }
        public string? SegmentName { get; set; }
        public string? ExternalSegmentUrl { get; set; }
        public DateTime? ExportedOn { get; set; }
        public IReadOnlyList<string?>? ContactIds { get; set; }
        public Guid? ImportId { get; set; }
        public int? BatchNumber { get; set; }
        public int? BatchCount { get; set; }
    }
}
