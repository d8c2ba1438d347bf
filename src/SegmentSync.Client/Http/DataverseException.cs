using System.Net;

namespace SegmentSync.Client.Http;

/// <summary>A Web API call that failed: the service's error (or the transport's) after any retries.</summary>
public sealed class DataverseException(HttpStatusCode? status, string? errorCode, string message, bool transient, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status; null when no answer came (connection refused, timeout).</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>Dataverse's error code ("0x80040265"), when the service sent one.</summary>
    public string? ErrorCode { get; } = errorCode;

    /// <summary>True when retrying later may succeed (network, timeout, 429, 5xx).</summary>
    public bool IsTransient { get; } = transient;

    public bool IsAuthentication => Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
