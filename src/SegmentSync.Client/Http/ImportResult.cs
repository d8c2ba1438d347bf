namespace SegmentSync.Client.Http;

/// <summary>The response of segsync_ImportSegment / segsync_ContinueSegmentImport.</summary>
public sealed record ImportResult(
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

    public bool IsDone => Status is "Applied" or "Skipped";
}

/// <summary>One segsync_ImportSegment call.</summary>
public sealed record ImportBatch(string ExternalSegmentId, string SegmentName, string ExternalSegmentUrl, DateTime ExportedOn, IReadOnlyList<string> ContactIds, Guid ImportId, int BatchNumber, int BatchCount);
