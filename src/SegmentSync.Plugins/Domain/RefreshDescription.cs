using System;
using System.Globalization;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>The segment's Description line: when it was last refreshed, as the export destination promises.</summary>
    public static class RefreshDescription
    {
        public static string Format(DateTime refreshedOnUtc, DateTime exportedOnUtc, int memberCount) =>
            string.Format(CultureInfo.InvariantCulture,
                "Refreshed from Customer Insights - Data on {0} (export of {1}): {2} members.",
                Iso(refreshedOnUtc), Iso(exportedOnUtc), memberCount);

        public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
