using SegmentSync.Plugins.Schema;
using Api = SegmentSync.Plugins.Schema.SegmentImportApi;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SegmentSync.Client.Auth;

namespace SegmentSync.Client.Http;

/// <summary>
/// The Dataverse Web API as SegmentSync's callers use it: the import Custom APIs, reads with paging, WhoAmI.
/// Transient faults (network errors, timeouts, 408, 429, 5xx) are retried with exponential backoff and jitter;
/// a 429's Retry-After is honoured. Secrets and tokens are never logged.
/// </summary>
public sealed class DataverseClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ITokenProvider _tokens;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Action<string> _log;

    public DataverseClient(Uri environmentUrl, ITokenProvider tokens, RetryOptions? retry = null, HttpMessageHandler? handler = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(environmentUrl);
        retry ??= new RetryOptions();
        EnvironmentUrl = environmentUrl;
        _tokens = tokens;
        _log = log ?? (_ => { });
        var root = environmentUrl.AbsoluteUri.TrimEnd('/');
        if (!root.EndsWith("/api/data/v9.2", StringComparison.OrdinalIgnoreCase)) root += "/api/data/v9.2";
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
        {
            BaseAddress = new Uri(root + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // per attempt, by the pipeline
        };
        _http.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        _http.DefaultRequestHeaders.Add("OData-Version", "4.0");
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("segsync", "1.0"));
        _pipeline = BuildPipeline(retry);
    }

    public Uri EnvironmentUrl { get; }

    /// <summary>How many attempts were retried (for summaries and tests).</summary>
    public int Retries { get; private set; }

    public async Task<ImportResult> ImportSegmentAsync(ImportBatch batch, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            [Api.ExternalSegmentId] = batch.ExternalSegmentId,
            [Api.SegmentName] = batch.SegmentName,
            [Api.ExternalSegmentUrl] = batch.ExternalSegmentUrl,
            [Api.ExportedOn] = batch.ExportedOn.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            [Api.ContactIds] = new JsonArray(batch.ContactIds.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
            [Api.ImportId] = batch.ImportId.ToString(),
            [Api.BatchNumber] = batch.BatchNumber,
            [Api.BatchCount] = batch.BatchCount,
        };
        return ReadImport(await SendAsync(HttpMethod.Post, Api.ImportSegment, body, null, cancellationToken));
    }

    public async Task<ImportResult> ContinueAsync(Guid importId, CancellationToken cancellationToken = default) =>
        ReadImport(await SendAsync(HttpMethod.Post, Api.ContinueSegmentImport, new JsonObject { [Api.ImportId] = importId.ToString() }, null, cancellationToken));

    /// <summary>POST of an unbound action or Custom API <paramref name="name"/> with <paramref name="parameters"/>; its response properties.</summary>
    public Task<JsonObject> PostActionAsync(string name, JsonObject parameters, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, name, parameters, null, cancellationToken);

    /// <summary>Registers (<paramref name="enabled"/>) or removes the manual-edit guard's steps; needs an administrator.</summary>
    public async Task<GuardResult> ConfigureGuardAsync(bool enabled, CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Post, GuardSetupApi.ConfigureGuard, new JsonObject { [GuardSetupApi.Enabled] = enabled }, null, cancellationToken);
        return new GuardResult(
            json[GuardSetupApi.SegmentModels]?.GetValue<string>() ?? string.Empty,
            json[GuardSetupApi.StepsCreated]?.GetValue<int>() ?? 0,
            json[GuardSetupApi.StepsUpdated]?.GetValue<int>() ?? 0,
            json[GuardSetupApi.StepsRemoved]?.GetValue<int>() ?? 0,
            json[GuardSetupApi.StepsActive]?.GetValue<int>() ?? 0,
            json[GuardSetupApi.MessagesSkipped]?.GetValue<string>() ?? string.Empty);
    }

    public Task<JsonObject> WhoAmIAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Get, "WhoAmI", null, null, cancellationToken);

    /// <summary>GET of a Web API URL relative to /api/data/v9.2/ (or an absolute nextLink).</summary>
    public Task<JsonObject> GetAsync(string url, int? maxPageSize = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, url, null, maxPageSize is int size ? $"odata.maxpagesize={size}" : null, cancellationToken);

    /// <summary>Every row of a query, following @odata.nextLink.</summary>
    public async IAsyncEnumerable<JsonObject> QueryAsync(string url, int pageSize = 5000, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? next = url;
        while (next is not null)
        {
            var page = await GetAsync(next, pageSize, cancellationToken);
            foreach (var row in page["value"]?.AsArray() ?? new JsonArray()) if (row is JsonObject o) yield return o;
            next = page["@odata.nextLink"]?.GetValue<string>();
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> SendAsync(HttpMethod method, string url, JsonObject? body, string? prefer, CancellationToken cancellationToken)
    {
        var payload = body?.ToJsonString();
        HttpResponseMessage response;
        var attempt = 0;
        var previousError = 0;
        try
        {
            response = await _pipeline.ExecuteAsync(async token =>
            {
                // A Custom API call sent again says so in Dataverse's "tag" parameter, so the run history records that
                // the earlier attempt failed or lost its response (SegmentSync's RetryTag format).
                attempt++;
                var target = attempt > 1 && method == HttpMethod.Post ? WithRetryTag(url, attempt, previousError) : url;
                previousError = 0;
                using var request = new HttpRequestMessage(method, target);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetTokenAsync(token));
                if (prefer is not null) request.Headers.Add("Prefer", prefer);
                if (payload is not null) request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                if (!answer.IsSuccessStatusCode) previousError = ErrorCode(await answer.Content.ReadAsStringAsync(token));
                return answer;
            }, cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw new DataverseException(null, null, $"{Describe(method, url)} timed out after every retry.", transient: true, e);
        }
        catch (HttpRequestException e)
        {
            throw new DataverseException(null, null, $"{Describe(method, url)} could not reach {EnvironmentUrl.GetLeftPart(UriPartial.Authority)}: {e.Message}", transient: true, e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new DataverseException(HttpStatusCode.Unauthorized, null, e.Message, transient: false, e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                if (text.Length == 0) return new JsonObject();
                return JsonNode.Parse(text) as JsonObject ?? new JsonObject();
            }

            var (code, message) = ReadError(text);
            var status = (int)response.StatusCode;
            var transient = IsTransient(response.StatusCode);
            var retryAfter = response.Headers.RetryAfter?.Delta is TimeSpan ra ? $" (Retry-After {ra.TotalSeconds:0}s)" : string.Empty;
            throw new DataverseException(response.StatusCode, code,
                $"{Describe(method, url)} failed with HTTP {status} {response.ReasonPhrase}{retryAfter}: {message ?? "no details"}{(code is null ? "" : $" [{code}]")}", transient);
        }
    }

    private static string WithRetryTag(string url, int attempt, int errorCode) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "tag=" + Uri.EscapeDataString(RetryTag.Format(attempt, errorCode));

    /// <summary>The Dataverse error code of an error body ("0x80040265" -> its int), 0 when there is none.</summary>
    private static int ErrorCode(string text)
    {
        var (code, _) = ReadError(text);
        return code is not null && code.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(code[2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? unchecked((int)value)
            : 0;
    }

    private static string Describe(HttpMethod method, string url)
    {
        var path = url.Split('?')[0];
        var slash = path.LastIndexOf("/api/data/v9.2/", StringComparison.OrdinalIgnoreCase);
        return $"{method} {(slash >= 0 ? path[(slash + 15)..] : path)}";
    }

    private static (string? Code, string? Message) ReadError(string text)
    {
        try
        {
            var error = JsonNode.Parse(text)?["error"];
            return (error?["code"]?.GetValue<string>(), error?["message"]?.GetValue<string>());
        }
        catch (JsonException)
        {
            return (null, text.Length > 300 ? text[..300] : text);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(RetryOptions retry) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, retry.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = TimeSpan.FromSeconds(60),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => IsTransient(r.StatusCode) && !(r.StatusCode == HttpStatusCode.TooManyRequests && RetryAfter(r) > retry.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r && RetryAfter(r) is TimeSpan wait ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    Retries++;
                    var why = args.Outcome.Exception is { } e ? e.GetType().Name + ": " + e.Message : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    _log($"retry {args.AttemptNumber + 1} in {args.RetryDelay.TotalSeconds:0.#}s after {why}");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(retry.AttemptTimeout)
            .Build();

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta) return delta;
        if (header?.Date is DateTimeOffset date) return date - DateTimeOffset.UtcNow;
        return null;
    }

    private static ImportResult ReadImport(JsonObject json)
    {
        Guid G(string name) => json[name]?.GetValue<string>() is { } s && Guid.TryParse(s, out var g) ? g : Guid.Empty;
        int I(string name) => json[name]?.GetValue<int>() ?? 0;
        return new ImportResult(G("SegmentId"), G("ImportId"), json["Status"]?.GetValue<string>() ?? string.Empty,
            I("BatchesReceived"), I("MembersReceived"), I("MembersMatched"), I("MembersIgnored"), I("MembersAdded"), I("MembersRemoved"));
    }
}
