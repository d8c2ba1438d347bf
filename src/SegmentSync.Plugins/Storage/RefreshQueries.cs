using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Schema;
using E = SegmentSync.Plugins.Schema.ExternalSegmentTable;
using R = SegmentSync.Plugins.Schema.ImportRunTable;

namespace SegmentSync.Plugins.Storage
{
    /// <summary>The reads a refresh and a release need: managed segments, refresh runs and unfinished runs, a page of 5,000 a request.</summary>
    public sealed class RefreshQueries
    {
        private readonly IOrganizationService _service;

        public RefreshQueries(IOrganizationService service) => _service = service;

        /// <summary>Every segment SegmentSync manages and has applied an import to, ordered by external id.</summary>
        public List<ExternalSegmentState> ManagedSegments()
        {
            var query = new QueryExpression(E.LogicalName) { ColumnSet = new ColumnSet(true) };
            query.Criteria.AddCondition(E.StateCode, ConditionOperator.Equal, 0);
            query.Criteria.AddCondition(E.SnapshotImportId, ConditionOperator.NotNull);
            query.AddOrder(E.ExternalId, OrderType.Ascending);
            return All(query).Select(ExternalSegmentStore.Read).OrderBy(s => s.ExternalId, StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// Refresh runs still Applying, and (when <paramref name="startedSince"/> is given) every refresh run started
        /// since then; of one segment when <paramref name="externalId"/> is given.
        /// </summary>
        public List<ImportRunState> RefreshRuns(DateTime? startedSince, string? externalId)
        {
            var query = new QueryExpression(R.LogicalName) { ColumnSet = new ColumnSet(true) };
            query.Criteria.AddCondition(R.Trigger, ConditionOperator.Equal, (int)ImportTriggerOption.Refresh);
            if (externalId != null)
            {
                query.Criteria.AddCondition(R.ExternalId, ConditionOperator.Equal, externalId);
            }

            var which = new FilterExpression(LogicalOperator.Or);
            which.AddCondition(R.Status, ConditionOperator.Equal, (int)ImportRunStatusOption.Applying);
            if (startedSince.HasValue)
            {
                which.AddCondition(R.StartedOn, ConditionOperator.GreaterEqual, startedSince.Value);
            }

            query.Criteria.AddFilter(which);
            query.AddOrder(R.StartedOn, OrderType.Ascending);
            return All(query).Select(ImportRunStore.Read).ToList();
        }

        /// <summary>The runs with the given ids (a query per 5,000).</summary>
        public Dictionary<Guid, ImportRunState> Runs(IEnumerable<Guid> ids)
        {
            var result = new Dictionary<Guid, ImportRunState>();
            var all = ids.Distinct().ToList();
            for (var start = 0; start < all.Count; start += Limits.QueryPageSize)
            {
                var query = new QueryExpression(R.LogicalName) { ColumnSet = new ColumnSet(true) };
                query.Criteria.AddCondition(R.PrimaryId, ConditionOperator.In, all.Skip(start).Take(Limits.QueryPageSize).Cast<object>().ToArray());
                foreach (var row in All(query))
                {
                    result[row.Id] = ImportRunStore.Read(row);
                }
            }

            return result;
        }

        /// <summary>The runs of one segment that are still Receiving or Applying.</summary>
        public List<ImportRunState> UnfinishedRuns(string externalId)
        {
            var query = new QueryExpression(R.LogicalName) { ColumnSet = new ColumnSet(true) };
            query.Criteria.AddCondition(R.ExternalId, ConditionOperator.Equal, externalId);
            query.Criteria.AddCondition(R.Status, ConditionOperator.In, (int)ImportRunStatusOption.Receiving, (int)ImportRunStatusOption.Applying);
            return All(query).Select(ImportRunStore.Read).ToList();
        }

        private IEnumerable<Entity> All(QueryExpression query) => _service.AllPages(query, Limits.QueryPageSize);
    }
}
