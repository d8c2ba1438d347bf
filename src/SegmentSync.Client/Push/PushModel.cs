using SegmentSync.Client.Export;
using SegmentSync.Client.Http;

namespace SegmentSync.Client.Push;

public sealed class PushOptions
{
    /// <summary>The API's limit per call.</summary>
    public const int MaxBatchSize = 10000;

    /// <summary>The API's limit of batches per import.</summary>
    public const int MaxBatchCount = 1000;

    public int BatchSize { get; init; } = MaxBatchSize;

    public bool DryRun { get; init; }

    /// <summary>Where resume state is kept; null keeps none (no resume).</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Accept an export without any contact id (it empties the segment).</summary>
    public bool AllowEmpty { get; init; }
}

/// <summary>What happened to one segment.</summary>
public sealed record SegmentPushResult(
    SegmentInfo Segment,
    string Outcome,
    string? Reason,
    ImportResult? Final,
    long Rows,
    long EmptyRows,
    int Batches,
    int BatchesSent,
    int ApiCalls,
    TimeSpan Duration,
    bool Resumed,
    DryRunReport? DryRun);

/// <summary>What a push would change, computed from reads only.</summary>
public sealed record DryRunReport(int Received, int Matched, int Ignored, int? Added, int? Removed, string? Note);

/// <summary>Progress of a push, for a progress bar or log lines.</summary>
public interface IPushProgress
{
    void Validated(SegmentInfo segment, long ids, int batches);

    void BatchSent(SegmentInfo segment, int batchNumber, int batchCount, ImportResult result);

    void Applying(SegmentInfo segment, ImportResult result);

    void Note(string message);
}

public sealed class SilentProgress : IPushProgress
{
    public void Validated(SegmentInfo segment, long ids, int batches) { }

    public void BatchSent(SegmentInfo segment, int batchNumber, int batchCount, ImportResult result) { }

    public void Applying(SegmentInfo segment, ImportResult result) { }

    public void Note(string message) { }
}

/// <summary>The push failed part-way; <see cref="ResumeHint"/> says how to continue.</summary>
public sealed class PushFailedException(string message, DataverseException cause, string resumeHint) : Exception(message, cause)
{
    public DataverseException Cause { get; } = cause;

    public string ResumeHint { get; } = resumeHint;
}
