using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Infrastructure;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Guard
{
    /// <summary>
    /// Protects the segments SegmentSync manages from manual changes that the next refresh would silently undo: member
    /// changes and changes of the external fields (outbound marketing), and changes to SegmentSync's static member
    /// groups (real-time journeys). Runs in pre-operation, so a blocked change never happens. A segment is managed
    /// when a segsync_externalsegment record points at it; any other segment is left alone. SegmentSync's own import
    /// passes. The setting segsync_GuardMode chooses Block (the default) or Warn (allow, and say so in the trace).
    /// </summary>
    public sealed class ManagedSegmentGuardPlugin : PluginBase
    {
        public const string WarnMode = "Warn";

        public ManagedSegmentGuardPlugin()
        {
        }

        public ManagedSegmentGuardPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var execution = context.ExecutionContext;
            if (GuardedChange.IsSegmentSyncItself(execution))
            {
                return;
            }

            var change = GuardedChange.From(execution);
            if (change == null)
            {
                return;
            }

            var external = new ManagedSegmentLookup(context.SystemService).Find(change.SegmentId);
            if (external == null)
            {
                context.Trace("Segment {0} is not managed by SegmentSync: {1} allowed.", change.SegmentId, change.MessageName);
                return;
            }

            var what = new ManualChangeDetector(context.SystemService).Describe(change);
            if (what == null)
            {
                context.Trace("Segment {0} is managed by SegmentSync; {1} changes nothing SegmentSync owns: allowed.", change.SegmentId, change.MessageName);
                return;
            }

            var message = Message(change.SegmentId, external, what);
            if (string.Equals(context.Configuration.GuardMode, WarnMode, StringComparison.Ordinal))
            {
                context.Trace("Warning ({0} = {1}): {2} allowed by user {3}. {4}", SegmentSyncSettings.GuardMode, WarnMode, change.MessageName, execution.UserId, message);
                return;
            }

            context.Trace("Blocked {0} by user {1} on managed segment {2}.", change.MessageName, execution.UserId, change.SegmentId);
            throw new InvalidPluginExecutionException(message);
        }

        /// <summary>What the maker reads: which segment, why, and where to make the change instead.</summary>
        public static string Message(Guid segmentId, ManagedSegment external, string what) =>
            string.Format(CultureInfo.InvariantCulture,
                "Segment {0} is managed by SegmentSync: it mirrors the Customer Insights - Data segment \"{1}\" (id {2}), and {3} cannot be changed here because the next refresh would overwrite the change. Change the segment in Customer Insights - Data instead.",
                segmentId, external.Name, external.ExternalId, what);
    }
}
