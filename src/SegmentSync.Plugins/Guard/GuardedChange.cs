using System;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Schema;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Guard
{
    /// <summary>What a guarded request would change, read from its execution context alone (no request).</summary>
    public enum GuardedChangeKind
    {
        /// <summary>Update of msdyncrm_segment touching its member list or external fields.</summary>
        OutboundSegmentUpdate,

        /// <summary>msdyncrm_Include/ExcludeMember(s)...: a member change of an outbound segment.</summary>
        OutboundMembers,

        /// <summary>Update of msdynmkt_segmentdefinition's static member group declarations.</summary>
        RealTimeGroupDeclarations,

        /// <summary>msdynmkt_Add/RemoveStaticMembers on one group of a real-time segment.</summary>
        RealTimeMembers,
    }

    /// <summary>The segment a guarded request targets and how; null from <see cref="From"/> when the request is not guarded.</summary>
    public sealed class GuardedChange
    {
        private GuardedChange(GuardedChangeKind kind, Guid segmentId, string messageName, Entity? target, Guid? groupId)
        {
            Kind = kind;
            SegmentId = segmentId;
            MessageName = messageName;
            Target = target;
            GroupId = groupId;
        }

        public GuardedChangeKind Kind { get; }

        /// <summary>The msdyncrm_segment, or the msdynmkt_segmentdefinition.</summary>
        public Guid SegmentId { get; }

        public string MessageName { get; }

        /// <summary>The Update's Target (the new values), for updates.</summary>
        public Entity? Target { get; }

        /// <summary>The static member group of a real-time member message.</summary>
        public Guid? GroupId { get; }

        /// <summary>The change the context's request makes, or null when the guard has nothing to check.</summary>
        public static GuardedChange? From(IPluginExecutionContext context)
        {
            var message = context.MessageName ?? string.Empty;
            var input = context.InputParameters;
            if (Is(message, "Update"))
            {
                if (!input.TryGetValue("Target", out var value) || !(value is Entity target))
                {
                    return null;
                }

                var id = target.Id != Guid.Empty ? target.Id : context.PrimaryEntityId;
                if (id == Guid.Empty)
                {
                    return null;
                }

                if (target.LogicalName == S.LogicalName)
                {
                    return new GuardedChange(GuardedChangeKind.OutboundSegmentUpdate, id, message, target, null);
                }

                return target.LogicalName == R.Definition && target.Contains(R.StaticListMembers)
                    ? new GuardedChange(GuardedChangeKind.RealTimeGroupDeclarations, id, message, target, null)
                    : null;
            }

            if (Is(message, S.IncludeMembersMessage) || Is(message, S.ExcludeMembersMessage) || Is(message, S.IncludeMemberMessage) || Is(message, S.ExcludeMemberMessage))
            {
                return GuidParameter(input, S.MessageSegmentIdParameter) is Guid segment
                    ? new GuardedChange(GuardedChangeKind.OutboundMembers, segment, message, null, null)
                    : null;
            }

            if (Is(message, R.AddStaticMembers) || Is(message, R.RemoveStaticMembers))
            {
                var segment = GuidParameter(input, R.SegmentIdParameter);
                var group = GuidParameter(input, R.GroupIdParameter);
                return segment.HasValue && group.HasValue
                    ? new GuardedChange(GuardedChangeKind.RealTimeMembers, segment.Value, message, null, group)
                    : null;
            }

            return null;
        }

        /// <summary>
        /// True when the request runs on behalf of SegmentSync's own import: some context above it is one of the import
        /// Custom APIs (or segsync_RefreshSegments, which applies refresh runs the same way). Contexts are built by the platform, and those APIs run only SegmentSync's plug-ins.
        /// </summary>
        public static bool IsSegmentSyncItself(IPluginExecutionContext context)
        {
            for (var parent = context.ParentContext; parent != null; parent = parent.ParentContext)
            {
                if (Is(parent.MessageName, SegmentImportApi.ImportSegment) || Is(parent.MessageName, SegmentImportApi.ContinueSegmentImport)
                    || Is(parent.MessageName, SegmentRefreshApi.RefreshSegments))
                {
                    return true;
                }
            }

            return false;
        }

        private static Guid? GuidParameter(ParameterCollection input, string name)
        {
            if (!input.TryGetValue(name, out var value) || value == null)
            {
                return null;
            }

            if (value is Guid guid)
            {
                return guid;
            }

            return Guid.TryParse(value as string, out var parsed) ? parsed : (Guid?)null;
        }

        private static bool Is(string? actual, string expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
    }
}
