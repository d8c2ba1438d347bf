using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Schema;
using B = SegmentSync.Plugins.Schema.ImportBatchTable;
using T = SegmentSync.Plugins.Schema.ImportRunTable;

namespace SegmentSync.Plugins.Storage
{
    /// <summary>Reads and writes <c>segsync_importrun</c> records (the run history).</summary>
    public sealed class ImportRunStore
    {
        private const string BatchAlias = "batch";
        private readonly IOrganizationService _service;

        public ImportRunStore(IOrganizationService service) => _service = service;

        /// <summary>
        /// The run and the numbers of the batches it has received, in one query (an outer join to the staged batches),
        /// because every batch call needs both and each request counts.
        /// </summary>
        public ReceivedRunView LoadWithReceivedBatches(Guid importId)
        {
            var query = new QueryExpression(T.LogicalName) { ColumnSet = new ColumnSet(true) };
            query.Criteria.AddCondition(T.PrimaryId, ConditionOperator.Equal, importId);
            var link = query.AddLink(B.LogicalName, T.PrimaryId, B.ImportRun, JoinOperator.LeftOuter);
            link.EntityAlias = BatchAlias;
            link.Columns = new ColumnSet(B.Sequence, B.IdCount);
            link.LinkCriteria.AddCondition(B.Kind, ConditionOperator.Equal, (int)ImportBatchKindOption.Received);

            var rows = _service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                return new ReceivedRunView(null, new Dictionary<int, int>());
            }

            var batches = new Dictionary<int, int>();
            foreach (var row in rows)
            {
                var sequence = Aliased<int?>(row, B.Sequence);
                if (sequence.HasValue)
                {
                    batches[sequence.Value] = Aliased<int?>(row, B.IdCount) ?? 0;
                }
            }

            return new ReceivedRunView(Read(rows[0]), batches);
        }

        public ImportRunState? Find(Guid importId)
        {
            var query = new QueryExpression(T.LogicalName) { ColumnSet = new ColumnSet(true), TopCount = 1 };
            query.Criteria.AddCondition(T.PrimaryId, ConditionOperator.Equal, importId);
            var row = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row == null ? null : Read(row);
        }

        public void Create(ImportRunState run)
        {
            var row = Write(run);
            row[T.ExternalId] = run.ExternalId;
            row[T.ExportedOn] = run.ExportedOn;
            row[T.BatchCount] = run.BatchCount;
            row[T.StartedOn] = run.StartedOn;
            row[T.Name] = Truncate(run.IsRefresh
                ? run.ExternalId + " refresh @ " + Domain.RefreshDescription.Iso(run.StartedOn)
                : run.ExternalId + " @ " + Domain.RefreshDescription.Iso(run.ExportedOn), 100);
            row[T.Trigger] = new OptionSetValue((int)run.Trigger);
            if (run.SourceImportId.HasValue)
            {
                row[T.SourceImportId] = EntityReading.Text(run.SourceImportId);
            }

            if (run.TriggeredBy.HasValue && run.TriggeredBy != Guid.Empty)
            {
                row[T.TriggeredBy] = new EntityReference(SystemUserTable.LogicalName, run.TriggeredBy.Value);
            }

            _service.Create(row);
        }

        public void Update(ImportRunState run) => _service.Update(Write(run));

        private static TValue? Aliased<TValue>(Entity row, string attribute)
        {
            var value = row.GetAttributeValue<AliasedValue>(BatchAlias + "." + attribute);
            return value?.Value is TValue typed ? typed : default;
        }

        internal static ImportRunState Read(Entity row) => new ImportRunState
        {
            Id = row.Id,
            ExternalSegmentRecordId = row.GetAttributeValue<EntityReference>(T.ExternalSegment)?.Id,
            ExternalId = row.GetAttributeValue<string>(T.ExternalId) ?? string.Empty,
            SegmentName = row.GetAttributeValue<string>(T.SegmentName) ?? string.Empty,
            Url = row.GetAttributeValue<string>(T.ExternalUrl) ?? string.Empty,
            ExportedOn = row.Utc(T.ExportedOn) ?? default(DateTime),
            BatchCount = row.Int(T.BatchCount),
            Status = (ImportRunStatusOption)(row.Option(T.Status) ?? (int)ImportRunStatusOption.Receiving),
            Target = (SegmentTargetOption)(row.Option(T.Target) ?? (int)SegmentTargetOption.Outbound),
            TargetSegmentId = row.GuidFromText(T.TargetSegmentId),
            MembersReceived = row.Int(T.MembersReceived),
            MembersMatched = row.Int(T.MembersMatched),
            MembersIgnored = row.Int(T.MembersIgnored),
            MembersAdded = row.Int(T.MembersAdded),
            MembersRemoved = row.Int(T.MembersRemoved),
            PlannedAdds = row.Int(T.PlannedAdds),
            PlannedRemoves = row.Int(T.PlannedRemoves),
            RequestsDone = row.Int(T.RequestsDone),
            PlannedRequests = row.Int(T.PlannedRequests),
            ApplyCalls = row.Int(T.ApplyCalls),
            PlanGroups = row.Int(T.PlanGroups),
            ReadGroup = row.Int(T.ReadGroup),
            ReadPage = row.Int(T.ReadPage),
            ReadSlices = row.Int(T.ReadSlices),
            ReadComplete = row.GetAttributeValue<bool?>(T.ReadComplete) ?? false,
            Message = Domain.RunMessage.Headline(row.GetAttributeValue<string>(T.Message)),
            Notes = Domain.RunMessage.Notes(row.GetAttributeValue<string>(T.Message)),
            StartedOn = row.Utc(T.StartedOn) ?? default(DateTime),
            CompletedOn = row.Utc(T.CompletedOn),
            Trigger = (ImportTriggerOption)(row.Option(T.Trigger) ?? (int)ImportTriggerOption.Export),
            SourceImportId = row.GuidFromText(T.SourceImportId),
            TriggeredBy = row.GetAttributeValue<EntityReference>(T.TriggeredBy)?.Id,
        };

        // The fields that change during a run; the identity fields are written once, on create.
        private static Entity Write(ImportRunState run)
        {
            var row = new Entity(T.LogicalName, run.Id);
            row[T.ExternalSegment] = run.ExternalSegmentRecordId.HasValue
                ? new EntityReference(ExternalSegmentTable.LogicalName, run.ExternalSegmentRecordId.Value)
                : null;
            row[T.SegmentName] = run.SegmentName;
            row[T.ExternalUrl] = run.Url;
            row[T.Status] = new OptionSetValue((int)run.Status);
            row[T.Target] = new OptionSetValue((int)run.Target);
            row[T.TargetSegmentId] = EntityReading.Text(run.TargetSegmentId);
            row[T.MembersReceived] = run.MembersReceived;
            row[T.MembersMatched] = run.MembersMatched;
            row[T.MembersIgnored] = run.MembersIgnored;
            row[T.MembersAdded] = run.MembersAdded;
            row[T.MembersRemoved] = run.MembersRemoved;
            row[T.PlannedAdds] = run.PlannedAdds;
            row[T.PlannedRemoves] = run.PlannedRemoves;
            row[T.RequestsDone] = run.RequestsDone;
            row[T.PlannedRequests] = run.PlannedRequests;
            row[T.ApplyCalls] = run.ApplyCalls;
            row[T.PlanGroups] = run.PlanGroups;
            row[T.ReadGroup] = run.ReadGroup;
            row[T.ReadPage] = run.ReadPage;
            row[T.ReadSlices] = run.ReadSlices;
            row[T.ReadComplete] = run.ReadComplete;
            row[T.Message] = Domain.RunMessage.Join(run.Message, run.Notes);
            row[T.CompletedOn] = run.CompletedOn;
            return row;
        }

        private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max);
    }

    /// <summary>A run (null before its first batch) and its received batches: number -> distinct ids in it.</summary>
    public sealed class ReceivedRunView
    {
        public ReceivedRunView(ImportRunState? run, Dictionary<int, int> batches)
        {
            Run = run;
            Batches = batches;
        }

        public ImportRunState? Run { get; }
        public Dictionary<int, int> Batches { get; }
    }
}
