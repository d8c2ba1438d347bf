namespace SegmentSync.Client.Http;

/// <summary>The response of segsync_ConfigureGuard.</summary>
public sealed record GuardResult(
    string SegmentModels,
    int StepsCreated,
    int StepsUpdated,
    int StepsRemoved,
    int StepsActive,
    string MessagesSkipped);
