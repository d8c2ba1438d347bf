using System;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>What to do with an export given the exports of the same segment already seen.</summary>
    public enum OrderingDecision
    {
        /// <summary>Newest so far: apply it.</summary>
        Apply,
        /// <summary>Newest so far, while an older import is half-applied: it takes over from that import.</summary>
        ApplySupersedingActive,
        /// <summary>Older than the export last applied: applying it would roll the segment back.</summary>
        SkipOlderThanApplied,
        /// <summary>Older than an import that is being applied: that one wins.</summary>
        SkipOlderThanActive,
    }

    /// <summary>
    /// Orders exports of one segment by ExportedOn: the newest wins and an older one is never applied on top.
    /// An export as old as the last applied one is applied again (a re-sent export is idempotent).
    /// </summary>
    public static class ExportOrdering
    {
        public static OrderingDecision Decide(DateTime exportedOn, DateTime? lastAppliedExportedOn, DateTime? activeImportExportedOn)
        {
            if (lastAppliedExportedOn.HasValue && exportedOn < lastAppliedExportedOn.Value)
            {
                return OrderingDecision.SkipOlderThanApplied;
            }

            if (activeImportExportedOn.HasValue)
            {
                return exportedOn < activeImportExportedOn.Value
                    ? OrderingDecision.SkipOlderThanActive
                    : OrderingDecision.ApplySupersedingActive;
            }

            return OrderingDecision.Apply;
        }
    }
}
