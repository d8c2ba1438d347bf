using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using B = SegmentSync.Plugins.Schema.ImportBatchTable;
using R = SegmentSync.Plugins.Schema.ImportRunTable;

namespace SegmentSync.Plugins.Storage
{
    /// <summary>
    /// Staging in <c>segsync_importbatch</c>: the received batches of a run (which, once applied, are the record of
    /// the membership SegmentSync applied) and the slices of a plan that spans several calls.
    /// </summary>
    public sealed class ImportBatchStore
    {
        // Fixed namespace for batch record ids: the same run and batch number always give the same record id.
        private static readonly Guid BatchIdNamespace = new Guid("5d0c3f2e-6f55-4a77-9a43-1f4f4c0a9b11");
        private readonly IOrganizationService _service;

        public ImportBatchStore(IOrganizationService service) => _service = service;

        public static Guid RecordId(Guid importId, ImportBatchKindOption kind, int sequence) =>
            NameBasedGuid.Create(BatchIdNamespace, string.Format(CultureInfo.InvariantCulture, "{0:D}/{1}/{2}", importId, (int)kind, sequence));

        public void CreateReceived(Guid importId, int batchNumber, IReadOnlyCollection<Guid> ids) =>
            _service.Create(NewRow(importId, ImportBatchKindOption.Received, batchNumber, ids));

        /// <summary>The distinct ids of all received batches. Costs one request per <see cref="Limits.StagedBatchPageSize"/> batches.</summary>
        public HashSet<Guid> LoadReceivedIds(Guid importId)
        {
            var ids = new HashSet<Guid>();
            foreach (var row in LoadRows(importId, ImportBatchKindOption.Received, new[] { B.Sequence, B.Ids }))
            {
                ids.UnionWith(CompactIdCodec.Decode(row.GetAttributeValue<string>(B.Ids)));
            }

            return ids;
        }

        /// <summary>Records ids that turned out to match no contact, found by one apply call.</summary>
        public void CreateIgnored(Guid importId, int callNumber, IReadOnlyCollection<Guid> ids)
        {
            if (ids.Count > 0)
            {
                _service.Create(NewRow(importId, ImportBatchKindOption.Ignored, callNumber, ids));
            }
        }

        /// <summary>
        /// The membership an applied import left: its received ids less those that matched no contact.
        /// Costs one request per <see cref="Limits.StagedBatchPageSize"/> records.
        /// </summary>
        public HashSet<Guid> LoadAppliedMembership(Guid importId) => LoadAppliedMembership(importId, importId);

        /// <summary>
        /// The membership an applied import left when its received ids are staged under <paramref name="receivedFrom"/>
        /// (a refresh re-applies its source's batches): those ids less the ones <paramref name="importId"/> found to
        /// match no contact.
        /// </summary>
        public HashSet<Guid> LoadAppliedMembership(Guid importId, Guid receivedFrom)
        {
            var members = new HashSet<Guid>();
            var ignored = new List<Guid>();
            var rows = receivedFrom == importId
                ? LoadRows(importId, null, new[] { B.Kind, B.Ids })
                : LoadRows(receivedFrom, ImportBatchKindOption.Received, new[] { B.Kind, B.Ids }).Concat(LoadRows(importId, ImportBatchKindOption.Ignored, new[] { B.Kind, B.Ids }));
            foreach (var row in rows)
            {
                var ids = CompactIdCodec.Decode(row.GetAttributeValue<string>(B.Ids));
                var kind = (ImportBatchKindOption)(row.Option(B.Kind) ?? 0);
                if (kind == ImportBatchKindOption.Received)
                {
                    members.UnionWith(ids);
                }
                else if (kind == ImportBatchKindOption.Ignored)
                {
                    ignored.AddRange(ids);
                }
            }

            members.ExceptWith(ignored);
            return members;
        }

        public static int SliceCountFor(int idCount) => (idCount + Limits.PlanSliceIds - 1) / Limits.PlanSliceIds;

        // Plan and current-member slices carry their group (and, for the plan, whether they remove) in the sequence.
        private const int GroupStride = 100000;
        private const int RemoveOffset = 50000000;

        /// <summary>Stores a plan that spans calls: per group, its adds and removes, <see cref="Limits.PlanSliceIds"/> ids a record.</summary>
        public void CreatePlan(Guid importId, GroupedPlan plan)
        {
            for (var group = 0; group < plan.GroupCount; group++)
            {
                CreateSlices(importId, ImportBatchKindOption.Plan, group * GroupStride, plan.AddsByGroup[group]);
                CreateSlices(importId, ImportBatchKindOption.Plan, RemoveOffset + group * GroupStride, plan.RemovesByGroup[group]);
            }
        }

        /// <summary>
        /// A stored plan whose slices are decoded only when a request needs their ids (<see cref="SlicedIdList"/>): a
        /// continuation call reads every slice record but decodes the few it sends.
        /// </summary>
        public GroupedPlan LoadPlan(Guid importId, int groupCount)
        {
            var adds = Enumerable.Range(0, groupCount).Select(_ => new SortedList<int, string>()).ToList();
            var removes = Enumerable.Range(0, groupCount).Select(_ => new SortedList<int, string>()).ToList();
            foreach (var row in LoadRows(importId, ImportBatchKindOption.Plan, new[] { B.Sequence, B.Ids }))
            {
                var sequence = row.Int(B.Sequence);
                var isRemove = sequence >= RemoveOffset;
                var group = (isRemove ? sequence - RemoveOffset : sequence) / GroupStride;
                (isRemove ? removes : adds)[group][sequence] = row.GetAttributeValue<string>(B.Ids) ?? string.Empty;
            }

            return GroupedPlan.FromGroups(adds.Select(Sliced).ToList(), removes.Select(Sliced).ToList());
        }

        private static IReadOnlyList<Guid> Sliced(SortedList<int, string> slices) => new SlicedIdList(slices.Values
            .Select(text => new KeyValuePair<int, Func<List<Guid>>>(CompactIdCodec.CountOf(text), () => CompactIdCodec.Decode(text)))
            .ToList());

        /// <summary>Every id a stored plan touches, whatever the change or group.</summary>
        public HashSet<Guid> LoadPlanIds(Guid importId) =>
            new HashSet<Guid>(LoadRows(importId, ImportBatchKindOption.Plan, new[] { B.Sequence, B.Ids })
                .SelectMany(row => CompactIdCodec.Decode(row.GetAttributeValue<string>(B.Ids))));

        /// <summary>Stores current members read from one group; <paramref name="sliceNumber"/> is unique within the run.</summary>
        public void CreateCurrent(Guid importId, int group, int sliceNumber, IReadOnlyCollection<Guid> ids) =>
            _service.Create(NewRow(importId, ImportBatchKindOption.Current, group * GroupStride + sliceNumber, ids));

        /// <summary>The current members read so far, by group.</summary>
        public List<HashSet<Guid>> LoadCurrent(Guid importId, int groupCount)
        {
            var groups = Enumerable.Range(0, groupCount).Select(_ => new HashSet<Guid>()).ToList();
            foreach (var row in LoadRows(importId, ImportBatchKindOption.Current, new[] { B.Sequence, B.Ids }))
            {
                groups[row.Int(B.Sequence) / GroupStride].UnionWith(CompactIdCodec.Decode(row.GetAttributeValue<string>(B.Ids)));
            }

            return groups;
        }

        private void CreateSlices(Guid importId, ImportBatchKindOption kind, int firstSequence, IReadOnlyList<Guid> ids)
        {
            for (var slice = 0; slice * Limits.PlanSliceIds < ids.Count; slice++)
            {
                var part = ids.Skip(slice * Limits.PlanSliceIds).Take(Limits.PlanSliceIds).ToList();
                _service.Create(NewRow(importId, kind, firstSequence + slice + 1, part));
            }
        }

        /// <summary>
        /// Removes, in one request, the staging of a segment's finished runs except the batches of
        /// <paramref name="keepReceivedOf"/> (the new record of the applied membership), and the segment's runs that
        /// finished before <paramref name="historyCutoff"/> (their staging goes with them). Dataverse runs bulk delete
        /// as a system job, so this costs one request however many rows go.
        /// </summary>
        public void DeleteFinishedStaging(Guid externalSegmentRecordId, Guid keepReceivedOf, DateTime historyCutoff) =>
            DeleteFinishedStaging(externalSegmentRecordId, keepReceivedOf, keepReceivedOf, historyCutoff);

        /// <summary>
        /// As above, for a snapshot whose received ids are staged under another run (<paramref name="snapshotSource"/>,
        /// the import a refresh re-applied): that run's received batches and the run itself stay too.
        /// </summary>
        public void DeleteFinishedStaging(Guid externalSegmentRecordId, Guid keepReceivedOf, Guid snapshotSource, DateTime historyCutoff)
        {
            var query = new QueryExpression(B.LogicalName) { ColumnSet = new ColumnSet(B.PrimaryId) };
            var keep = new FilterExpression(LogicalOperator.Or);
            keep.AddCondition(B.ImportRun, ConditionOperator.NotEqual, keepReceivedOf);
            keep.AddCondition(B.Kind, ConditionOperator.In, (int)ImportBatchKindOption.Plan, (int)ImportBatchKindOption.Current);
            query.Criteria.AddFilter(keep);
            if (snapshotSource != keepReceivedOf)
            {
                var keepSource = new FilterExpression(LogicalOperator.Or);
                keepSource.AddCondition(B.ImportRun, ConditionOperator.NotEqual, snapshotSource);
                keepSource.AddCondition(B.Kind, ConditionOperator.NotEqual, (int)ImportBatchKindOption.Received);
                query.Criteria.AddFilter(keepSource);
            }

            var run = query.AddLink(R.LogicalName, B.ImportRun, R.PrimaryId);
            run.LinkCriteria.AddCondition(R.ExternalSegment, ConditionOperator.Equal, externalSegmentRecordId);
            run.LinkCriteria.AddCondition(R.Status, ConditionOperator.In,
                (int)ImportRunStatusOption.Applied, (int)ImportRunStatusOption.Skipped, (int)ImportRunStatusOption.Superseded);

            var request = new OrganizationRequest("BulkDelete");
            var oldRuns = new QueryExpression(R.LogicalName) { ColumnSet = new ColumnSet(R.PrimaryId) };
            oldRuns.Criteria.AddCondition(R.ExternalSegment, ConditionOperator.Equal, externalSegmentRecordId);
            oldRuns.Criteria.AddCondition(R.CompletedOn, ConditionOperator.LessThan, historyCutoff);
            oldRuns.Criteria.AddCondition(R.PrimaryId, ConditionOperator.NotEqual, keepReceivedOf);
            if (snapshotSource != keepReceivedOf)
            {
                oldRuns.Criteria.AddCondition(R.PrimaryId, ConditionOperator.NotEqual, snapshotSource);
            }

            request["QuerySet"] = new QueryExpression[] { query, oldRuns };
            request["JobName"] = "SegmentSync: remove finished staging and old run history";
            request["SendEmailNotification"] = false;
            request["ToRecipients"] = new Guid[0];
            request["CCRecipients"] = new Guid[0];
            request["RecurrencePattern"] = string.Empty;
            request["StartDateTime"] = DateTime.UtcNow;
            _service.Execute(request);
        }

        private IEnumerable<Entity> LoadRows(Guid importId, ImportBatchKindOption? kind, string[] columns)
        {
            var query = new QueryExpression(B.LogicalName)
            {
                ColumnSet = new ColumnSet(columns),
            };
            query.Criteria.AddCondition(B.ImportRun, ConditionOperator.Equal, importId);
            if (kind.HasValue)
            {
                query.Criteria.AddCondition(B.Kind, ConditionOperator.Equal, (int)kind.Value);
            }

            query.AddOrder(B.Kind, OrderType.Ascending);
            query.AddOrder(B.Sequence, OrderType.Ascending);
            return _service.AllPages(query, Limits.StagedBatchPageSize);
        }

        private static Entity NewRow(Guid importId, ImportBatchKindOption kind, int sequence, IReadOnlyCollection<Guid> ids)
        {
            var row = new Entity(B.LogicalName, RecordId(importId, kind, sequence));
            row[B.Name] = string.Format(CultureInfo.InvariantCulture, "{0} {1}", kind, sequence);
            row[B.ImportRun] = new EntityReference(R.LogicalName, importId);
            row[B.Kind] = new OptionSetValue((int)kind);
            row[B.Sequence] = sequence;
            row[B.IdCount] = ids.Count;
            row[B.Ids] = CompactIdCodec.Encode(ids);
            return row;
        }
    }
}
