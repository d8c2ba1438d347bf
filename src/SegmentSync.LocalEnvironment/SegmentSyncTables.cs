using SegmentSync.Emulator;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.LocalEnvironment;

/// <summary>
/// SegmentSync's own tables as the solution defines them, for the in-memory Dataverse. Names and option values come
/// from the plug-in's schema classes, the single place they are written in C#.
/// </summary>
public static class SegmentSyncTables
{
    private const int MemoMax = Limits.StagedIdsMaxLength;

    public static void Register(InMemoryDataverse dataverse)
    {
        dataverse.Metadata.AddTable(ExternalSegment());
        dataverse.Metadata.AddTable(ImportRun());
        dataverse.Metadata.AddTable(ImportBatch());
        dataverse.Metadata.AddRelationship(RelationshipDefinition.OneToMany(
            "segsync_externalsegment_importrun", ExternalSegmentTable.LogicalName, ImportRunTable.LogicalName,
            ImportRunTable.ExternalSegment, CascadeDelete.RemoveLink));
        dataverse.Metadata.AddRelationship(RelationshipDefinition.OneToMany(
            ImportBatchTable.RunRelationship, ImportRunTable.LogicalName, ImportBatchTable.LogicalName,
            ImportBatchTable.ImportRun, CascadeDelete.Cascade));
        dataverse.Metadata.AddRelationship(RelationshipDefinition.OneToMany(
            ImportRunTable.TriggeredByRelationship, SystemUserTable.LogicalName, ImportRunTable.LogicalName,
            ImportRunTable.TriggeredBy, CascadeDelete.RemoveLink));
        dataverse.Metadata.AddRelationship(RelationshipDefinition.OneToMany(
            ExternalSegmentTable.ReleasedByRelationship, SystemUserTable.LogicalName, ExternalSegmentTable.LogicalName,
            ExternalSegmentTable.ReleasedBy, CascadeDelete.RemoveLink));
    }

    private static TableDefinition ExternalSegment() =>
        new TableDefinition(ExternalSegmentTable.LogicalName, ExternalSegmentTable.PrimaryId, ExternalSegmentTable.Name, ExternalSegmentTable.EntitySetName)
            .String(ExternalSegmentTable.Name, Limits.MaxNameLength, required: true)
            .String(ExternalSegmentTable.ExternalId, Limits.MaxExternalIdLength, required: true)
            .String(ExternalSegmentTable.ExternalUrl, Limits.MaxUrlLength)
            .Picklist(ExternalSegmentTable.Target, OptionValues<SegmentTargetOption>())
            .String(ExternalSegmentTable.TargetSegmentId, 36)
            .DateTime(ExternalSegmentTable.LastAppliedExportedOn)
            .DateTime(ExternalSegmentTable.LastAppliedOn)
            .String(ExternalSegmentTable.SnapshotImportId, 36)
            .String(ExternalSegmentTable.ActiveImportId, 36)
            .Integer(ExternalSegmentTable.MemberCount, 0)
            .Memo(ExternalSegmentTable.Description, 2000)
            .DateTime(ExternalSegmentTable.ReleasedOn)
            .Lookup(ExternalSegmentTable.ReleasedBy, SystemUserTable.LogicalName)
            .StateStatus((0, (int)ExternalSegmentStatusOption.Active, true), (1, (int)ExternalSegmentStatusOption.Inactive, true), (1, (int)ExternalSegmentStatusOption.Released, false))
            .AlternateKey(ExternalSegmentTable.ExternalIdKey, ExternalSegmentTable.ExternalId);

    private static TableDefinition ImportRun() =>
        new TableDefinition(ImportRunTable.LogicalName, ImportRunTable.PrimaryId, ImportRunTable.Name, ImportRunTable.EntitySetName)
            .String(ImportRunTable.Name, 100, required: true)
            .Lookup(ImportRunTable.ExternalSegment, ExternalSegmentTable.LogicalName)
            .String(ImportRunTable.ExternalId, Limits.MaxExternalIdLength, required: true)
            .String(ImportRunTable.SegmentName, Limits.MaxNameLength)
            .String(ImportRunTable.ExternalUrl, Limits.MaxUrlLength)
            .DateTime(ImportRunTable.ExportedOn, required: true)
            .Integer(ImportRunTable.BatchCount, 1, Limits.MaxBatchCount, required: true)
            .Picklist(ImportRunTable.Status, OptionValues<ImportRunStatusOption>(), required: true)
            .Picklist(ImportRunTable.Target, OptionValues<SegmentTargetOption>())
            .String(ImportRunTable.TargetSegmentId, 36)
            .Integer(ImportRunTable.MembersReceived, 0)
            .Integer(ImportRunTable.MembersMatched, 0)
            .Integer(ImportRunTable.MembersIgnored, 0)
            .Integer(ImportRunTable.MembersAdded, 0)
            .Integer(ImportRunTable.MembersRemoved, 0)
            .Integer(ImportRunTable.PlannedAdds, 0)
            .Integer(ImportRunTable.PlannedRemoves, 0)
            .Integer(ImportRunTable.PlannedRequests, 0)
            .Integer(ImportRunTable.RequestsDone, 0)
            .Integer(ImportRunTable.ApplyCalls, 0)
            .Integer(ImportRunTable.PlanGroups, 0)
            .Integer(ImportRunTable.ReadGroup, 0)
            .Integer(ImportRunTable.ReadPage, 0)
            .Integer(ImportRunTable.ReadSlices, 0)
            .Boolean(ImportRunTable.ReadComplete, false)
            .Memo(ImportRunTable.Message, 4000)
            .DateTime(ImportRunTable.StartedOn)
            .DateTime(ImportRunTable.CompletedOn)
            .String(ImportRunTable.SourceImportId, 36)
            .Picklist(ImportRunTable.Trigger, OptionValues<ImportTriggerOption>(), (int)ImportTriggerOption.Export)
            .Lookup(ImportRunTable.TriggeredBy, SystemUserTable.LogicalName)
            .StateStatus((0, 1, true), (1, 2, true))
            .Index(ImportRunTable.ExternalSegment);

    private static TableDefinition ImportBatch() =>
        new TableDefinition(ImportBatchTable.LogicalName, ImportBatchTable.PrimaryId, ImportBatchTable.Name, ImportBatchTable.EntitySetName)
            .String(ImportBatchTable.Name, 100, required: true)
            .Lookup(ImportBatchTable.ImportRun, ImportRunTable.LogicalName)
            .Picklist(ImportBatchTable.Kind, OptionValues<ImportBatchKindOption>(), required: true)
            .Integer(ImportBatchTable.Sequence, 0, required: true)
            .Integer(ImportBatchTable.IdCount, 0)
            .Memo(ImportBatchTable.Ids, MemoMax)
            .StateStatus((0, 1, true), (1, 2, true))
            .Index(ImportBatchTable.ImportRun);

    private static int[] OptionValues<TEnum>() where TEnum : struct, System.Enum =>
        System.Enum.GetValues<TEnum>().Select(v => System.Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
