namespace SegmentSync.Client.Http;

/// <summary>How transient faults are retried: exponential backoff with jitter; a 429's Retry-After wins.</summary>
public sealed class RetryOptions
{
    public int MaxRetries { get; init; } = 6;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest Retry-After honoured; a longer one is a failure (re-run later).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
