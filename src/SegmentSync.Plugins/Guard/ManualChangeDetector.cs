using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Targets;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Guard
{
    /// <summary>
    /// Decides whether a guarded request really changes what SegmentSync owns in a managed segment, and names it:
    /// a form that saves the same values again, or a maker's own member group, is not such a change.
    /// </summary>
    public sealed class ManualChangeDetector
    {
        private readonly IOrganizationService _service;

        public ManualChangeDetector(IOrganizationService service) => _service = service;

        /// <summary>What the request would change that SegmentSync owns (for the message), or null when nothing.</summary>
        public string? Describe(GuardedChange change)
        {
            switch (change.Kind)
            {
                case GuardedChangeKind.OutboundMembers:
                    return "its members";
                case GuardedChangeKind.RealTimeMembers:
                    return IsOurGroup(change.SegmentId, change.GroupId!.Value) ? "the members of its SegmentSync member group" : null;
                case GuardedChangeKind.RealTimeGroupDeclarations:
                    return ChangesOurGroups(change) ? "its SegmentSync member groups" : null;
                default:
                    return ChangedOutboundFields(change);
            }
        }

        private static bool IsOurGroup(Guid definitionId, Guid groupId) =>
            Enumerable.Range(0, R.MaxGroups).Any(index => StaticListGroups.GroupId(definitionId, index) == groupId);

        private bool ChangesOurGroups(GuardedChange change)
        {
            var current = Row(R.Definition, R.DefinitionId, change.SegmentId, R.StaticListMembers);
            if (current == null || !TryParseGroups(current.GetAttributeValue<string>(R.StaticListMembers), out var before))
            {
                return false;
            }

            var ours = StaticListGroups.Ours(change.SegmentId, before);
            if (ours.Count == 0)
            {
                return false;
            }

            if (!TryParseGroups(change.Target!.GetAttributeValue<string>(R.StaticListMembers), out var after))
            {
                return true;
            }

            return ours.Any(id => !after.Any(g => IsSame(g.GroupId, id) && string.Equals(g.IncludeType, "Include", StringComparison.Ordinal)));
        }

        private string? ChangedOutboundFields(GuardedChange change)
        {
            var target = change.Target!;
            var guarded = new[] { S.MemberIds, S.ExternalSource, S.ExternalSegmentUrl, S.SegmentType }.Where(target.Contains).ToArray();
            if (guarded.Length == 0)
            {
                return null;
            }

            var current = Row(S.LogicalName, S.PrimaryId, change.SegmentId, guarded);
            if (current == null)
            {
                return null;
            }

            var changed = new List<string>();
            foreach (var column in guarded)
            {
                if (!SameValue(column, current.Contains(column) ? current[column] : null, target[column]))
                {
                    changed.Add(Label(column));
                }
            }

            return changed.Count == 0 ? null : string.Join(" and ", changed);
        }

        private static bool SameValue(string column, object? before, object? after)
        {
            if (column == S.MemberIds)
            {
                var oldText = before as string;
                var newText = after as string;
                if (MemberIdListCodec.TryParse(oldText, out var oldIds) && MemberIdListCodec.TryParse(newText, out var newIds))
                {
                    return new HashSet<Guid>(oldIds).SetEquals(newIds);
                }

                return string.IsNullOrEmpty(oldText) ? string.IsNullOrEmpty(newText) : string.Equals(oldText, newText, StringComparison.Ordinal);
            }

            if (before is OptionSetValue || after is OptionSetValue)
            {
                return (before as OptionSetValue)?.Value == (after as OptionSetValue)?.Value;
            }

            var a = before as string;
            var b = after as string;
            return string.IsNullOrEmpty(a) ? string.IsNullOrEmpty(b) : string.Equals(a, b, StringComparison.Ordinal);
        }

        private static string Label(string column)
        {
            switch (column)
            {
                case S.MemberIds:
                    return "its members";
                case S.ExternalSource:
                    return "its External source";
                case S.ExternalSegmentUrl:
                    return "its External Segment URL";
                default:
                    return "its segment type";
            }
        }

        private Entity? Row(string table, string primaryId, Guid id, params string[] columns)
        {
            // A query, not Retrieve: a missing row is an answer (the request then fails on its own), not a fault.
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns), TopCount = 1 };
            query.Criteria.AddCondition(primaryId, ConditionOperator.Equal, id);
            return _service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        private static bool TryParseGroups(string? json, out List<StaticListGroup> groups)
        {
            try
            {
                groups = StaticListGroups.Parse(json);
                return true;
            }
            catch (SegmentSyncDataException)
            {
                groups = new List<StaticListGroup>();
                return false;
            }
        }

        private static bool IsSame(string? text, Guid id) => Guid.TryParse(text, out var parsed) && parsed == id;
    }
}
