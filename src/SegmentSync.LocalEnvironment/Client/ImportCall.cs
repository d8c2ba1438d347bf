namespace SegmentSync.LocalEnvironment.Client;

/// <summary>The segment metadata of an export, as a caller sends it with every batch.</summary>
public sealed record SegmentExport(string ExternalSegmentId, string SegmentName, string ExternalSegmentUrl, DateTime ExportedOn);

/// <summary>The response of segsync_ImportSegment / segsync_ContinueSegmentImport.</summary>
public sealed record ImportCallResult(
    Guid SegmentId,
    Guid ImportId,
    string Status,
    int BatchesReceived,
    int MembersReceived,
    int MembersMatched,
    int MembersIgnored,
    int MembersAdded,
    int MembersRemoved)
{
    public bool IsApplying => Status == "Applying";
}

/// <summary>The outcome of a whole import driven to the end, and the Custom API calls it took.</summary>
public sealed record ImportOutcome(ImportCallResult Final, int ApiCalls);
