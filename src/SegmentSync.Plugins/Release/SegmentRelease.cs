using System.Globalization;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Storage;

namespace SegmentSync.Plugins.Release
{
    /// <summary>What callers are told about a segment SegmentSync no longer manages, and how to re-link it.</summary>
    public static class SegmentRelease
    {
        /// <summary>How an admin lets SegmentSync manage a released segment again.</summary>
        public const string RelinkHint =
            "To let SegmentSync manage it again, re-link it: activate its External segment record (table External segment, view Released external segments, Activate), then send the export again.";

        /// <summary>The refusal of an export, a refresh or a continuation of a segment that is not managed. Nothing is changed.</summary>
        public static string RefusalMessage(ExternalSegmentState external)
        {
            var released = external.StatusReason == ExternalSegmentStatusOption.Released && external.ReleasedOn.HasValue
                ? "was released from SegmentSync on " + RefreshDescription.Iso(external.ReleasedOn.Value)
                : "is inactive in SegmentSync";
            return string.Format(CultureInfo.InvariantCulture,
                "Segment \"{0}\" ({1}) {2}: SegmentSync no longer changes its Journeys segment and refuses its exports and refreshes. {3} Nothing was changed.",
                external.ExternalId, external.Name, released, RelinkHint);
        }
    }
}
