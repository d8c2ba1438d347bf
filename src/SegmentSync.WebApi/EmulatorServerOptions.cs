using Microsoft.AspNetCore.Http;

namespace SegmentSync.WebApi;

/// <summary>How <see cref="EmulatorServer"/> listens and behaves.</summary>
public sealed class EmulatorServerOptions
{
    /// <summary>The port on 127.0.0.1; 0 takes a free one.</summary>
    public int Port { get; set; }

    /// <summary>The bearer token callers must send; a random one when null. Its requests run as SYSTEM (an administrator).</summary>
    public string? Token { get; set; }

    /// <summary>
    /// More bearer tokens, each running its requests as a systemuser of the organization, whose security roles then
    /// decide (as in Dataverse) whether it may call a Custom API or register a plug-in step. Tokens may be added while
    /// the server runs.
    /// </summary>
    public IDictionary<string, Guid> UserTokens { get; } = new System.Collections.Concurrent.ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);

    /// <summary>Service protection limits (none when null), answered with 429 and Retry-After as Dataverse does.</summary>
    public ServiceProtectionLimits? Limits { get; set; }

    /// <summary>The largest page a query returns (Dataverse: 5,000); a smaller Prefer: odata.maxpagesize wins.</summary>
    public int MaxPageSize { get; set; } = 5000;

    /// <summary>
    /// For tests: runs around every authenticated request and may answer it itself (a 503), delay it, or run
    /// <c>next</c> and then abort the connection (a response lost after the work was done).
    /// </summary>
    public Func<HttpContext, RequestDelegate, Task>? Interceptor { get; set; }
}

/// <summary>
/// Dataverse's service protection API limits, per bearer token: requests in a sliding window (Dataverse: 6,000 in 300
/// seconds) and concurrent requests (Dataverse: 52).
/// </summary>
public sealed class ServiceProtectionLimits
{
    public int? RequestsPerWindow { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    public int? MaxConcurrentRequests { get; set; }
}
