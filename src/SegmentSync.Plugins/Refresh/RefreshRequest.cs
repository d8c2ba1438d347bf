using System;
using System.Globalization;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;

namespace SegmentSync.Plugins.Refresh
{
    /// <summary>A validated segsync_RefreshSegments call.</summary>
    public sealed class RefreshRequest
    {
        private RefreshRequest(string? externalSegmentId, DateTime? refreshStartedOn)
        {
            ExternalSegmentId = externalSegmentId;
            RefreshStartedOn = refreshStartedOn;
        }

        /// <summary>The one segment to refresh; null: every segment SegmentSync manages.</summary>
        public string? ExternalSegmentId { get; }

        /// <summary>Set when the call continues a refresh: when its first call started (UTC, whole seconds).</summary>
        public DateTime? RefreshStartedOn { get; }

        /// <summary>Checks the parameters before anything is read or written.</summary>
        public static RefreshRequest Validate(string? externalSegmentId, DateTime? refreshStartedOn, DateTime nowUtc)
        {
            if (externalSegmentId != null)
            {
                if (externalSegmentId.Trim().Length == 0)
                {
                    throw Fail("{0} is blank. Leave it out to refresh every segment SegmentSync manages.", Api.ExternalSegmentId);
                }

                if (externalSegmentId.Length > Limits.MaxExternalIdLength)
                {
                    throw Fail("{0} is {1} characters long; at most {2} are allowed.", Api.ExternalSegmentId, externalSegmentId.Length, Limits.MaxExternalIdLength);
                }

                for (var i = 0; i < externalSegmentId.Length; i++)
                {
                    if (char.IsControl(externalSegmentId[i]))
                    {
                        throw Fail("{0} contains a control character (U+{1:X4}) at position {2}.", Api.ExternalSegmentId, (int)externalSegmentId[i], i + 1);
                    }
                }
            }

            DateTime? startedOn = null;
            if (refreshStartedOn.HasValue)
            {
                var value = refreshStartedOn.Value;
                var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
                if (utc == default(DateTime) || utc > nowUtc.AddMinutes(Limits.MaxExportedOnSkewMinutes))
                {
                    throw Fail("{0} is {1}; pass the {0} the refresh's first call returned.", Api.RefreshStartedOn, RefreshDescription.Iso(utc));
                }

                startedOn = WholeSeconds(utc);
            }

            return new RefreshRequest(externalSegmentId?.Trim(), startedOn);
        }

        /// <summary>Dataverse keeps date and time to the second: refresh times are compared as it stores them.</summary>
        public static DateTime WholeSeconds(DateTime utc) => new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

        private static ImportValidationException Fail(string format, params object[] args) =>
            new ImportValidationException(string.Format(CultureInfo.InvariantCulture, format, args));
    }
}
