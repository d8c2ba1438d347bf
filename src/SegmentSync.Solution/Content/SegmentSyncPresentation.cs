using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Generation;

namespace SegmentSync.Solution.Content;

/// <summary>
/// What a maker sees of SegmentSync's tables: display names, column labels, the main forms and the views that show
/// the run history. Column names and option values come from the schema classes; only the words are written here.
/// </summary>
public static class SegmentSyncPresentation
{
    public static IReadOnlyList<TablePresentation> All => new[] { ExternalSegment(), ImportRun(), ImportBatch() };

    public static TablePresentation ExternalSegment() => new()
    {
        LogicalName = ExternalSegmentTable.LogicalName,
        DisplayName = "External segment",
        PluralName = "External segments",
        Description = "A segment exported from Customer Insights - Data and the Journeys segment SegmentSync keeps in step with it.",
        Columns = Labels(ExternalSegmentTable.PrimaryId, "External segment",
            (ExternalSegmentTable.Name, "Name", "The segment's name in Customer Insights - Data (the last export's)."),
            (ExternalSegmentTable.ExternalId, "External segment id", "The segment's id in Customer Insights - Data: the key SegmentSync finds it by."),
            (ExternalSegmentTable.ExternalUrl, "External segment URL", "Link to the segment in Customer Insights - Data."),
            (ExternalSegmentTable.Target, "Target", "Which Journeys segment model holds the members."),
            (ExternalSegmentTable.TargetSegmentId, "Journeys segment id", "The Journeys segment SegmentSync created and keeps; renaming it does not matter."),
            (ExternalSegmentTable.LastAppliedExportedOn, "Last applied export", "When Customer Insights - Data produced the export last applied (UTC)."),
            (ExternalSegmentTable.LastAppliedOn, "Last applied on", "When SegmentSync last finished applying an export."),
            (ExternalSegmentTable.SnapshotImportId, "Snapshot import", "The import whose staged ids record the membership last applied."),
            (ExternalSegmentTable.ActiveImportId, "Import being applied", "The import being applied, while an apply spans several calls."),
            (ExternalSegmentTable.MemberCount, "Members", "Members after the last applied export."),
            (ExternalSegmentTable.Description, "Description", "The description SegmentSync last wrote on the Journeys segment (last refresh)."),
            (ExternalSegmentTable.ReleasedOn, "Released on", "When the segment was last released from SegmentSync (kept after it is re-linked)."),
            (ExternalSegmentTable.ReleasedBy, "Released by", "Who last released the segment from SegmentSync.")),
        OptionLabels = new Dictionary<string, IReadOnlyDictionary<int, string>>
        {
            [ExternalSegmentTable.Target] = OptionLabels<SegmentTargetOption>(),
            [ExternalSegmentTable.StatusCode] = OptionLabels<ExternalSegmentStatusOption>(),
        },
        Form = new[]
        {
            new FormSection("Segment", new[] { ExternalSegmentTable.Name, ExternalSegmentTable.ExternalId, ExternalSegmentTable.ExternalUrl, ExternalSegmentTable.Target, ExternalSegmentTable.TargetSegmentId }),
            new FormSection("Last export applied", new[] { ExternalSegmentTable.LastAppliedExportedOn, ExternalSegmentTable.LastAppliedOn, ExternalSegmentTable.MemberCount, ExternalSegmentTable.Description, ExternalSegmentTable.SnapshotImportId, ExternalSegmentTable.ActiveImportId }),
            new FormSection("Management", new[] { ExternalSegmentTable.StatusCode, ExternalSegmentTable.ReleasedOn, ExternalSegmentTable.ReleasedBy }),
        },
        Views = new[]
        {
            new ViewDefinition("Active external segments",
                new[] { ExternalSegmentTable.Name, ExternalSegmentTable.ExternalId, ExternalSegmentTable.MemberCount, ExternalSegmentTable.LastAppliedExportedOn, ExternalSegmentTable.LastAppliedOn },
                ExternalSegmentTable.Name, false, new[] { new ViewCondition("statecode", "eq", "0") }),
            new ViewDefinition("Released external segments",
                new[] { ExternalSegmentTable.Name, ExternalSegmentTable.ExternalId, ExternalSegmentTable.StatusCode, ExternalSegmentTable.ReleasedOn, ExternalSegmentTable.ReleasedBy, ExternalSegmentTable.MemberCount },
                ExternalSegmentTable.ReleasedOn, true, new[] { new ViewCondition("statecode", "eq", "1") }),
        },
        QuickFindColumns = new[] { ExternalSegmentTable.Name, ExternalSegmentTable.ExternalId },
    };

    public static TablePresentation ImportRun() => new()
    {
        LogicalName = ImportRunTable.LogicalName,
        DisplayName = "Import run",
        PluralName = "Import runs",
        Description = "One import of a segment export: its status, counts, messages and timings (the run history).",
        Columns = Labels(ImportRunTable.PrimaryId, "Import run",
            (ImportRunTable.Name, "Name", "The segment and the export time."),
            (ImportRunTable.ExternalSegment, "External segment", "The external segment this import updates."),
            (ImportRunTable.ExternalId, "External segment id", "The segment's id in Customer Insights - Data."),
            (ImportRunTable.SegmentName, "Segment name", "The segment's name in this export."),
            (ImportRunTable.ExternalUrl, "External segment URL", "Link to the segment in Customer Insights - Data."),
            (ImportRunTable.ExportedOn, "Exported on", "When Customer Insights - Data produced this export (UTC)."),
            (ImportRunTable.BatchCount, "Batches", "Number of batches the caller announced."),
            (ImportRunTable.Status, "Status", "Receiving, Applying, Applied, Skipped or Superseded."),
            (ImportRunTable.Target, "Target", "Which Journeys segment model receives the members."),
            (ImportRunTable.TargetSegmentId, "Journeys segment id", "The Journeys segment this import updates."),
            (ImportRunTable.MembersReceived, "Members received", "Distinct contact ids received."),
            (ImportRunTable.MembersMatched, "Members matched", "Received ids that match an existing contact."),
            (ImportRunTable.MembersIgnored, "Members ignored", "Received ids that match no contact."),
            (ImportRunTable.MembersAdded, "Members added", "Members added to the Journeys segment."),
            (ImportRunTable.MembersRemoved, "Members removed", "Members removed from the Journeys segment."),
            (ImportRunTable.PlannedAdds, "Planned adds", "Members the plan adds."),
            (ImportRunTable.PlannedRemoves, "Planned removes", "Members the plan removes."),
            (ImportRunTable.PlannedRequests, "Planned requests", "Member requests the plan sends."),
            (ImportRunTable.RequestsDone, "Requests done", "Member requests sent so far."),
            (ImportRunTable.ApplyCalls, "Apply calls", "Calls that worked on applying this import."),
            (ImportRunTable.PlanGroups, "Plan groups", "Groups of member requests the plan holds."),
            (ImportRunTable.ReadGroup, "Read group", "Progress of reading the current membership: the group being read."),
            (ImportRunTable.ReadPage, "Read page", "Progress of reading the current membership: the page being read."),
            (ImportRunTable.ReadSlices, "Read slices", "Slices of the current membership read so far."),
            (ImportRunTable.ReadComplete, "Read complete", "Whether the current membership has been read completely."),
            (ImportRunTable.Message, "Message", "What happened, in words: why a run was skipped or superseded."),
            (ImportRunTable.StartedOn, "Started on", "When the first batch arrived."),
            (ImportRunTable.CompletedOn, "Completed on", "When the import was applied, skipped or superseded."),
            (ImportRunTable.Trigger, "Trigger", "Export (sent by Customer Insights - Data or another caller) or Refresh (the last export re-applied with segsync_RefreshSegments)."),
            (ImportRunTable.TriggeredBy, "Triggered by", "The user who sent the export or asked for the refresh."),
            (ImportRunTable.SourceImportId, "Source import", "A refresh: the import whose received ids it re-applies.")),
        OptionLabels = new Dictionary<string, IReadOnlyDictionary<int, string>>
        {
            [ImportRunTable.Status] = OptionLabels<ImportRunStatusOption>(),
            [ImportRunTable.Target] = OptionLabels<SegmentTargetOption>(),
            [ImportRunTable.Trigger] = OptionLabels<ImportTriggerOption>(),
        },
        Form = new[]
        {
            new FormSection("Import", new[] { ImportRunTable.Name, ImportRunTable.ExternalSegment, ImportRunTable.SegmentName, ImportRunTable.ExternalId, ImportRunTable.ExternalUrl, ImportRunTable.ExportedOn, ImportRunTable.Status, ImportRunTable.Message, ImportRunTable.Trigger, ImportRunTable.TriggeredBy, ImportRunTable.SourceImportId }),
            new FormSection("Members", new[] { ImportRunTable.MembersReceived, ImportRunTable.MembersMatched, ImportRunTable.MembersIgnored, ImportRunTable.MembersAdded, ImportRunTable.MembersRemoved }),
            new FormSection("Progress", new[] { ImportRunTable.BatchCount, ImportRunTable.PlannedAdds, ImportRunTable.PlannedRemoves, ImportRunTable.PlannedRequests, ImportRunTable.RequestsDone, ImportRunTable.ApplyCalls, ImportRunTable.PlanGroups, ImportRunTable.ReadComplete, ImportRunTable.Target, ImportRunTable.TargetSegmentId }),
            new FormSection("Timing", new[] { ImportRunTable.StartedOn, ImportRunTable.CompletedOn }),
        },
        Views = new[]
        {
            new ViewDefinition("Import runs (newest first)", RunColumns(), ImportRunTable.StartedOn, true, new[] { new ViewCondition("statecode", "eq", "0") }),
            new ViewDefinition("Import runs still applying", RunColumns(), ImportRunTable.StartedOn, true,
                new[] { new ViewCondition(ImportRunTable.Status, "eq", ((int)ImportRunStatusOption.Applying).ToString(System.Globalization.CultureInfo.InvariantCulture)) }),
            new ViewDefinition("Import runs skipped or superseded", RunColumns(), ImportRunTable.StartedOn, true,
                new[]
                {
                    new ViewCondition(ImportRunTable.Status, "in",
                        ((int)ImportRunStatusOption.Skipped).ToString(System.Globalization.CultureInfo.InvariantCulture) + "," +
                        ((int)ImportRunStatusOption.Superseded).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                }),
        },
        QuickFindColumns = new[] { ImportRunTable.Name, ImportRunTable.SegmentName, ImportRunTable.ExternalId },
    };

    public static TablePresentation ImportBatch() => new()
    {
        LogicalName = ImportBatchTable.LogicalName,
        DisplayName = "Import batch",
        PluralName = "Import batches",
        Description = "Staged ids of an import: a received batch, a slice of the membership plan, or the ids that matched no contact.",
        Columns = Labels(ImportBatchTable.PrimaryId, "Import batch",
            (ImportBatchTable.Name, "Name", "The import and the batch."),
            (ImportBatchTable.ImportRun, "Import run", "The import this batch belongs to."),
            (ImportBatchTable.Kind, "Kind", "Received batch, plan slice or ignored ids."),
            (ImportBatchTable.Sequence, "Number", "The batch number, or the slice number."),
            (ImportBatchTable.IdCount, "Ids", "Number of ids staged."),
            (ImportBatchTable.Ids, "Staged ids", "The ids in compact form (base64 of 16-byte GUIDs).")),
        OptionLabels = new Dictionary<string, IReadOnlyDictionary<int, string>>
        {
            [ImportBatchTable.Kind] = OptionLabels<ImportBatchKindOption>(),
        },
        Form = new[]
        {
            new FormSection("Batch", new[] { ImportBatchTable.Name, ImportBatchTable.ImportRun, ImportBatchTable.Kind, ImportBatchTable.Sequence, ImportBatchTable.IdCount }),
        },
        Views = new[]
        {
            new ViewDefinition("Import batches",
                new[] { ImportBatchTable.Name, ImportBatchTable.ImportRun, ImportBatchTable.Kind, ImportBatchTable.Sequence, ImportBatchTable.IdCount, "createdon" },
                "createdon", true, new[] { new ViewCondition("statecode", "eq", "0") }),
        },
        QuickFindColumns = new[] { ImportBatchTable.Name },
    };

    private static string[] RunColumns() => new[]
    {
        ImportRunTable.Name, ImportRunTable.Status, ImportRunTable.Trigger, ImportRunTable.TriggeredBy, ImportRunTable.ExportedOn, ImportRunTable.MembersReceived, ImportRunTable.MembersMatched,
        ImportRunTable.MembersIgnored, ImportRunTable.MembersAdded, ImportRunTable.MembersRemoved, ImportRunTable.StartedOn, ImportRunTable.CompletedOn,
    };

    /// <summary>Option labels are the enum member names, which are also the API's Status strings.</summary>
    private static IReadOnlyDictionary<int, string> OptionLabels<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture), v => v.ToString());

    private static Dictionary<string, ColumnLabel> Labels(string primaryId, string tableName, params (string Column, string Name, string Description)[] columns)
    {
        var labels = new Dictionary<string, ColumnLabel>(StringComparer.Ordinal)
        {
            [primaryId] = new(tableName, "Unique identifier of the " + tableName.ToLowerInvariant() + "."),
            ["statecode"] = new("Status", "Whether the " + tableName.ToLowerInvariant() + " is active or inactive."),
            ["statuscode"] = new("Status Reason", "Reason for the status of the " + tableName.ToLowerInvariant() + "."),
            ["createdon"] = new("Created On", "Date and time when the record was created."),
            ["modifiedon"] = new("Modified On", "Date and time when the record was modified."),
            ["createdby"] = new("Created By", "The user who created the record."),
            ["modifiedby"] = new("Modified By", "The user who last modified the record."),
            ["ownerid"] = new("Owner", "Owner of the record."),
        };
        foreach (var (column, name, description) in columns) labels[column] = new ColumnLabel(name, description);
        return labels;
    }
}
