using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>
    /// Real-time journeys: a segment definition (msdynmkt_segmentdefinition) whose static Include groups hold the
    /// members, plus its msdynmkt_segment record. Members are listed page by page, so the diff is exact.
    /// </summary>
    public sealed class RealTimeJourneysTarget : ISegmentTarget
    {
        private const string Contact = "contact";
        private readonly IOrganizationService _service;

        public RealTimeJourneysTarget(IOrganizationService service) => _service = service;

        public SegmentTargetOption Kind => SegmentTargetOption.RealTime;

        public int IdsPerMembershipRequest => R.IdsPerRequest;

        public int GroupCapacity => R.GroupCapacity;

        /// <summary>Ten groups a definition, less those a maker declared for other purposes.</summary>
        public int MaxGroups(TargetSegment segment)
        {
            var all = StaticListGroups.Parse(segment.GroupDeclarations).Count;
            return Math.Max(0, R.MaxGroups - (all - segment.Groups.Count));
        }

        public bool ListsMembers => true;

        /// <summary>Removing an id from a static group needs only the id (the ids removed were listed from the group).</summary>
        public bool ExcludedIdsMustBeContacts => false;

        public TargetSegment? Find(Guid segmentId)
        {
            var query = new QueryExpression(R.Definition) { ColumnSet = new ColumnSet(R.DefinitionName, R.StatusCode, R.StaticListMembers), TopCount = 1 };
            query.Criteria.AddCondition(R.DefinitionId, ConditionOperator.Equal, segmentId);
            var row = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (row == null)
            {
                return null;
            }

            var declarations = row.GetAttributeValue<string>(R.StaticListMembers);
            var status = row.GetAttributeValue<OptionSetValue>(R.StatusCode)?.Value;
            return new TargetSegment(row.Id, row.GetAttributeValue<string>(R.DefinitionName) ?? string.Empty, status == R.DefinitionStatusDraft,
                memberList: null, StaticListGroups.Ours(row.Id, StaticListGroups.Parse(declarations)), declarations, isLive: status == R.DefinitionStatusLive);
        }

        public TargetSegment Create(SegmentFields fields)
        {
            var definitionId = Guid.NewGuid();
            var declarations = StaticListGroups.Serialize(StaticListGroups.WithOurGroups(definitionId, new List<StaticListGroup>(), 1));
            _service.Create(new Entity(R.Definition, definitionId)
            {
                [R.DefinitionName] = fields.Name,
                [R.StatusCode] = new OptionSetValue(R.DefinitionStatusDraft),
                [R.StaticListMembers] = declarations,
                [R.SegmentQuery] = string.Empty,
            });
            _service.Create(new Entity(R.Segment)
            {
                [R.DisplayName] = fields.Name,
                [R.Type] = new OptionSetValue(R.TypeStatic),
                [R.Source] = new OptionSetValue(R.SourceJourneys),
                [R.BaseEntity] = Contact,
                [R.SourceSegmentUid] = definitionId.ToString("D"),
            });
            return new TargetSegment(definitionId, fields.Name, isDraft: true, memberList: null,
                new[] { StaticListGroups.GroupId(definitionId, 0) }, declarations);
        }

        public bool TryReadMembers(TargetSegment segment, out HashSet<Guid> members)
        {
            members = new HashSet<Guid>();
            return false;
        }

        public MemberPage ReadMembers(TargetSegment segment, int group, int pageNumber)
        {
            var request = new OrganizationRequest(R.ListGroupMembers);
            request[R.SegmentIdParameter] = segment.Id.ToString("D");
            request[R.GroupIdParameter] = segment.Groups[group].ToString("D");
            request[R.PageNoParameter] = pageNumber;
            request[R.PageSizeParameter] = R.ListPageSize;
            var response = _service.Execute(request);
            var ids = GroupMembersResponse.ParseIds(response.Results.TryGetValue(R.ResponseParameter, out var text) ? text as string : null);
            return new MemberPage(ids, ids.Count == R.ListPageSize);
        }

        public bool CanReplaceMembersDirectly(TargetSegment segment, int memberCount) => false;

        public void ReplaceMembersDirectly(TargetSegment segment, IReadOnlyCollection<Guid> members, SegmentFields fields) =>
            throw new NotSupportedException("Real-time segments take static members through msdynmkt_AddStaticMembers only.");

        public void EnsureGroups(TargetSegment segment, int groupCount)
        {
            if (groupCount <= segment.Groups.Count)
            {
                return;
            }

            var declarations = StaticListGroups.WithOurGroups(segment.Id, StaticListGroups.Parse(segment.GroupDeclarations), groupCount);
            _service.Update(new Entity(R.Definition, segment.Id) { [R.StaticListMembers] = StaticListGroups.Serialize(declarations) });
            if (segment.IsLive)
            {
                // A Live definition's new declaration only takes effect once published: the one case we republish.
                var publish = new OrganizationRequest(R.PublishSegmentDefinition);
                publish[R.SegmentIdParameter] = segment.Id.ToString("D");
                _service.Execute(publish);
            }
        }

        public void Send(TargetSegment segment, MembershipRequest request)
        {
            var message = new OrganizationRequest(request.Change == MembershipChange.Include ? R.AddStaticMembers : R.RemoveStaticMembers);
            message[R.SegmentIdParameter] = segment.Id.ToString("D");
            message[R.GroupIdParameter] = StaticListGroups.GroupId(segment.Id, request.Group).ToString("D");
            message[R.EntityIdsParameter] = request.Ids.Select(id => id.ToString("D")).ToArray();
            _service.Execute(message);
        }

        /// <summary>
        /// Keeps the definition's and the segment's names in step; the external source, URL and refresh time have no
        /// column here and live on SegmentSync's external segment record instead.
        /// </summary>
        public void UpdateFields(TargetSegment segment, SegmentFields fields)
        {
            if (string.Equals(segment.Name, fields.Name, StringComparison.Ordinal))
            {
                return;
            }

            _service.Update(new Entity(R.Definition, segment.Id) { [R.DefinitionName] = fields.Name });
            var query = new QueryExpression(R.Segment) { ColumnSet = new ColumnSet(R.SegmentId) };
            query.Criteria.AddCondition(R.SourceSegmentUid, ConditionOperator.Equal, segment.Id.ToString("D"));
            foreach (var row in _service.RetrieveMultiple(query).Entities)
            {
                _service.Update(new Entity(R.Segment, row.Id) { [R.DisplayName] = fields.Name });
            }
        }
    }
}
