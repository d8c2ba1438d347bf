using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Every plug-in step SegmentSync's plug-ins run in. The import runs in Custom APIs, which need no step (a step on a
    /// Custom API's main operation is not allowed). The manual-edit guard runs in the steps of <see cref="Guard"/>.
    /// </summary>
    public static class PluginSteps
    {
        public const string GuardPluginType = "SegmentSync.Plugins.Guard.ManagedSegmentGuardPlugin";

        /// <summary>Pre-operation: inside the transaction, before the change is made, so a refusal leaves nothing behind.</summary>
        public const int PreOperation = 20;

        /// <summary>
        /// The steps the solution package registers. Empty: the guard's steps (below) are on Journeys tables and messages
        /// that an environment has only when it has that segment model, and on messages whose SDK message ids belong to
        /// the Journeys solution; <see cref="GuardSetupApi.ConfigureGuard"/> registers them in each environment, finding
        /// the messages by name.
        /// </summary>
        public static IReadOnlyList<PluginStepDescriptor> All => new PluginStepDescriptor[0];

        /// <summary>The manual-edit guard's steps on outbound marketing's msdyncrm_segment and its member messages.</summary>
        public static IReadOnlyList<PluginStepDescriptor> OutboundGuard => new[]
        {
            new PluginStepDescriptor(GuardPluginType, "Update", OutboundSegmentTable.LogicalName, PreOperation, 0,
                "Blocks (or warns about) manual changes of the members and external fields of segments SegmentSync manages.",
                string.Join(",", OutboundSegmentTable.MemberIds, OutboundSegmentTable.ExternalSource, OutboundSegmentTable.ExternalSegmentUrl, OutboundSegmentTable.SegmentType)),
            MessageStep(OutboundSegmentTable.IncludeMembersMessage),
            MessageStep(OutboundSegmentTable.ExcludeMembersMessage),
            MessageStep(OutboundSegmentTable.IncludeMemberMessage),
            MessageStep(OutboundSegmentTable.ExcludeMemberMessage),
        };

        /// <summary>The guard's steps on real-time journeys' segment definitions and static member messages.</summary>
        public static IReadOnlyList<PluginStepDescriptor> RealTimeGuard => new[]
        {
            new PluginStepDescriptor(GuardPluginType, "Update", RealTimeSegmentTables.Definition, PreOperation, 0,
                "Blocks (or warns about) manual changes of SegmentSync's static member groups in segments SegmentSync manages.",
                RealTimeSegmentTables.StaticListMembers),
            MessageStep(RealTimeSegmentTables.AddStaticMembers),
            MessageStep(RealTimeSegmentTables.RemoveStaticMembers),
        };

        /// <summary>Every guard step, both segment models.</summary>
        public static IReadOnlyList<PluginStepDescriptor> Guard => OutboundGuard.Concat(RealTimeGuard).ToList();

        private static PluginStepDescriptor MessageStep(string message) => new PluginStepDescriptor(GuardPluginType, message, "none", PreOperation, 0,
            "Blocks (or warns about) manual member changes of segments SegmentSync manages.");
    }
}
