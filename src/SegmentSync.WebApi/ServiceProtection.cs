using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SegmentSync.WebApi;

/// <summary>Counts requests per window and concurrent requests; over a limit, answers 429 with Retry-After.</summary>
internal sealed class ServiceProtection(ServiceProtectionLimits limits, TimeProvider clock)
{
    private readonly Queue<DateTimeOffset> _recent = new();
    private int _concurrent;

    public async Task Invoke(HttpContext context, RequestDelegate next)
    {
        if (limits.RequestsPerWindow is int max)
        {
            TimeSpan? retryAfter = null;
            lock (_recent)
            {
                var now = clock.GetUtcNow();
                while (_recent.Count > 0 && _recent.Peek() <= now - limits.Window) _recent.Dequeue();
                if (_recent.Count >= max) retryAfter = _recent.Peek() + limits.Window - now;
                else _recent.Enqueue(now);
            }

            if (retryAfter is TimeSpan wait)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                throw new WebApiException(429, WebApiException.RequestsLimit, $"Number of requests exceeded the limit of {max} over time window of {(int)limits.Window.TotalSeconds} seconds.");
            }
        }

        if (limits.MaxConcurrentRequests is int concurrent)
        {
            if (Interlocked.Increment(ref _concurrent) > concurrent)
            {
                Interlocked.Decrement(ref _concurrent);
                context.Response.Headers.RetryAfter = "1";
                throw new WebApiException(429, WebApiException.ConcurrencyLimit, $"Number of concurrent requests exceeded the limit of {concurrent}.");
            }

            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref _concurrent);
            }

            return;
        }

        await next(context);
    }
}
