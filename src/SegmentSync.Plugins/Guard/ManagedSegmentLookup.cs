using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using T = SegmentSync.Plugins.Schema.ExternalSegmentTable;

namespace SegmentSync.Plugins.Guard
{
    /// <summary>The external segment that manages a Journeys segment: what the guard names in its message.</summary>
    public sealed class ManagedSegment
    {
        public ManagedSegment(string externalId, string name)
        {
            ExternalId = externalId;
            Name = name;
        }

        /// <summary>The segment's id in Customer Insights - Data.</summary>
        public string ExternalId { get; }

        /// <summary>The segment's name in Customer Insights - Data.</summary>
        public string Name { get; }
    }

    /// <summary>
    /// Whether SegmentSync manages a Journeys segment: an active segsync_externalsegment record points at it through
    /// segsync_targetsegmentid (an inactive record is one whose segment was handed back to makers).
    /// </summary>
    public sealed class ManagedSegmentLookup
    {
        private const string StateCode = "statecode";
        private readonly IOrganizationService _service;

        public ManagedSegmentLookup(IOrganizationService service) => _service = service;

        /// <summary>The managing external segment, or null when SegmentSync does not manage <paramref name="segmentId"/>. One query.</summary>
        public ManagedSegment? Find(Guid segmentId)
        {
            var query = new QueryExpression(T.LogicalName) { ColumnSet = new ColumnSet(T.ExternalId, T.Name), TopCount = 1 };
            query.Criteria.AddCondition(T.TargetSegmentId, ConditionOperator.Equal, segmentId.ToString("D"));
            query.Criteria.AddCondition(StateCode, ConditionOperator.Equal, 0);
            var row = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row == null
                ? null
                : new ManagedSegment(row.GetAttributeValue<string>(T.ExternalId) ?? string.Empty, row.GetAttributeValue<string>(T.Name) ?? string.Empty);
        }
    }
}
