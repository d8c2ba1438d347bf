using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Schema;
using T = SegmentSync.Plugins.Schema.ExternalSegmentTable;

namespace SegmentSync.Plugins.Storage
{
    /// <summary>Reads and writes <c>segsync_externalsegment</c> records.</summary>
    public sealed class ExternalSegmentStore
    {
        private readonly IOrganizationService _service;

        public ExternalSegmentStore(IOrganizationService service) => _service = service;

        public ExternalSegmentState? FindByExternalId(string externalId)
        {
            var query = new QueryExpression(T.LogicalName) { ColumnSet = new ColumnSet(true), TopCount = 1 };
            query.Criteria.AddCondition(T.ExternalId, ConditionOperator.Equal, externalId);
            var row = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row == null ? null : Read(row);
        }

        public void Create(ExternalSegmentState state) => state.Id = _service.Create(Write(state, isNew: true));

        public void Update(ExternalSegmentState state) => _service.Update(Write(state, isNew: false));

        /// <summary>Marks the segment released (inactive, status reason Released) by <paramref name="userId"/>, in one update.</summary>
        public void Release(ExternalSegmentState state, System.DateTime releasedOn, System.Guid userId)
        {
            var row = new Entity(T.LogicalName, state.Id);
            row[T.StateCode] = new OptionSetValue(1);
            row[T.StatusCode] = new OptionSetValue((int)ExternalSegmentStatusOption.Released);
            row[T.ReleasedOn] = releasedOn;
            row[T.ReleasedBy] = new EntityReference(SystemUserTable.LogicalName, userId);
            _service.Update(row);
            state.IsManaged = false;
            state.StatusReason = ExternalSegmentStatusOption.Released;
            state.ReleasedOn = releasedOn;
            state.ReleasedBy = userId;
        }

        internal static ExternalSegmentState Read(Entity row) => new ExternalSegmentState
        {
            Id = row.Id,
            ExternalId = row.GetAttributeValue<string>(T.ExternalId) ?? string.Empty,
            Name = row.GetAttributeValue<string>(T.Name) ?? string.Empty,
            Url = row.GetAttributeValue<string>(T.ExternalUrl) ?? string.Empty,
            Target = (SegmentTargetOption)(row.Option(T.Target) ?? (int)SegmentTargetOption.Outbound),
            TargetSegmentId = row.GuidFromText(T.TargetSegmentId),
            LastAppliedExportedOn = row.Utc(T.LastAppliedExportedOn),
            LastAppliedOn = row.Utc(T.LastAppliedOn),
            SnapshotImportId = row.GuidFromText(T.SnapshotImportId),
            ActiveImportId = row.GuidFromText(T.ActiveImportId),
            MemberCount = row.Int(T.MemberCount),
            Description = row.GetAttributeValue<string>(T.Description),
            IsManaged = (row.Option(T.StateCode) ?? 0) == 0,
            StatusReason = (ExternalSegmentStatusOption)(row.Option(T.StatusCode) ?? (int)ExternalSegmentStatusOption.Active),
            ReleasedOn = row.Utc(T.ReleasedOn),
            ReleasedBy = row.GetAttributeValue<EntityReference>(T.ReleasedBy)?.Id,
        };

        private static Entity Write(ExternalSegmentState state, bool isNew)
        {
            var row = new Entity(T.LogicalName, state.Id);
            if (isNew)
            {
                row[T.ExternalId] = state.ExternalId;
            }

            row[T.Name] = state.Name;
            row[T.ExternalUrl] = state.Url;
            row[T.Target] = new OptionSetValue((int)state.Target);
            row[T.TargetSegmentId] = EntityReading.Text(state.TargetSegmentId);
            row[T.LastAppliedExportedOn] = state.LastAppliedExportedOn;
            row[T.LastAppliedOn] = state.LastAppliedOn;
            row[T.SnapshotImportId] = EntityReading.Text(state.SnapshotImportId);
            row[T.ActiveImportId] = EntityReading.Text(state.ActiveImportId);
            row[T.MemberCount] = state.MemberCount;
            row[T.Description] = state.Description;
            return row;
        }
    }
}
