using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>
    /// Outbound marketing's <c>msdyncrm_segment</c>: a static segment whose msdyncrm_segmentmemberids holds the
    /// static list while it fits the column, changed by msdyncrm_Include/ExcludeMembersInSegment otherwise.
    /// </summary>
    public sealed class OutboundMarketingTarget : ISegmentTarget
    {
        private readonly IOrganizationService _service;

        public OutboundMarketingTarget(IOrganizationService service) => _service = service;

        public SegmentTargetOption Kind => SegmentTargetOption.Outbound;

        /// <summary>Ids are sent without the "crm" prefix (it is optional) to fit more into the 10,000 characters.</summary>
        public int IdsPerMembershipRequest => MemberIdListCodec.MaxIdsWithin(S.MemberIdsParameterMaxLength, withPrefix: false);

        public int GroupCapacity => int.MaxValue;

        public int MaxGroups(TargetSegment segment) => 1;

        public bool ListsMembers => false;

        /// <summary>Documented: every included or excluded id must exist, or the whole request is rejected.</summary>
        public bool ExcludedIdsMustBeContacts => true;

        public MemberPage ReadMembers(TargetSegment segment, int group, int pageNumber) =>
            throw new NotSupportedException("Outbound marketing documents no way to list a segment's members.");

        public void EnsureGroups(TargetSegment segment, int groupCount)
        {
            // One implicit member list: nothing to declare.
        }

        public TargetSegment? Find(Guid segmentId)
        {
            // A query, not Retrieve: a missing row is an answer here, not a fault that would doom the transaction.
            var query = new QueryExpression(S.LogicalName) { ColumnSet = new ColumnSet(S.Name, S.StatusCode, S.MemberIds), TopCount = 1 };
            query.Criteria.AddCondition(S.PrimaryId, ConditionOperator.Equal, segmentId);
            var row = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row == null ? null : Read(row);
        }

        public TargetSegment Create(SegmentFields fields)
        {
            var row = new Entity(S.LogicalName);
            row[S.Name] = fields.Name;
            row[S.SegmentType] = new OptionSetValue(S.SegmentTypeStatic);
            row[S.StatusCode] = new OptionSetValue(S.StatusDraft);
            SetExternalFields(row, fields);
            var id = _service.Create(row);
            return new TargetSegment(id, fields.Name, isDraft: true, memberList: null);
        }

        public bool TryReadMembers(TargetSegment segment, out HashSet<Guid> members)
        {
            members = new HashSet<Guid>();
            if (!MemberIdListCodec.TryParse(segment.MemberList, out var list))
            {
                return false;
            }

            members.UnionWith(list);
            return true;
        }

        public bool CanReplaceMembersDirectly(TargetSegment segment, int memberCount) =>
            segment.IsDraft && MemberIdListCodec.SerializedLength(memberCount, withPrefix: true) <= S.MemberIdsMaxLength;

        public void ReplaceMembersDirectly(TargetSegment segment, IReadOnlyCollection<Guid> members, SegmentFields fields)
        {
            var row = new Entity(S.LogicalName, segment.Id);
            row[S.MemberIds] = MemberIdListCodec.Serialize(members.OrderBy(id => id), withPrefix: true);
            SetExternalFields(row, fields);
            _service.Update(row);
        }

        public void Send(TargetSegment segment, MembershipRequest request)
        {
            var message = new OrganizationRequest(request.Change == MembershipChange.Include ? S.IncludeMembersMessage : S.ExcludeMembersMessage);
            message[S.MessageSegmentIdParameter] = segment.Id.ToString("D");
            message[S.MessageMemberIdsParameter] = MemberIdListCodec.Serialize(request.Ids, withPrefix: false);
            _service.Execute(message);
        }

        public void UpdateFields(TargetSegment segment, SegmentFields fields)
        {
            var row = new Entity(S.LogicalName, segment.Id);
            SetExternalFields(row, fields);
            _service.Update(row);
        }

        private static void SetExternalFields(Entity row, SegmentFields fields)
        {
            row[S.Name] = fields.Name;
            row[S.ExternalSource] = new OptionSetValue(S.ExternalSourceCustomerInsights);
            row[S.ExternalSegmentUrl] = fields.ExternalUrl;
            row[S.Description] = fields.Description;
            row[S.SegmentSize] = fields.MemberCount;
            row[S.LastUpdatedTime] = fields.RefreshedOnUtc;
        }

        private static TargetSegment Read(Entity row)
        {
            var status = row.GetAttributeValue<OptionSetValue>(S.StatusCode)?.Value;
            return new TargetSegment(row.Id, row.GetAttributeValue<string>(S.Name) ?? string.Empty,
                status == S.StatusDraft, row.GetAttributeValue<string>(S.MemberIds), isLive: status == S.StatusLive);
        }
    }
}
