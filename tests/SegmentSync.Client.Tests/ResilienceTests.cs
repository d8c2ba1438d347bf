using System.Net;
using SegmentSync.Client.Http;
using SegmentSync.Client.Push;
using SegmentSync.WebApi;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>Service protection (429 + Retry-After), transient 5xx and lost responses, over real HTTP.</summary>
public class ResilienceTests
{
    [Fact]
    public async Task Requests_over_the_limit_get_429_with_Retry_After_and_the_client_waits_and_succeeds()
    {
        var options = new EmulatorServerOptions { Limits = new ServiceProtectionLimits { RequestsPerWindow = 3, Window = TimeSpan.FromSeconds(1) } };
        await using var host = await TestHost.StartAsync(options);
        var contacts = host.SeedContacts(10);

        var result = await new SegmentPusher(host.Client, new PushOptions { BatchSize = 2 }).PushAsync(host.Export(host.WriteCsv("a.csv", contacts.Select(c => c.ToString()))));

        Assert.Equal("Applied", result.Outcome);
        Assert.True(host.Client.Retries >= 1, "the fifth call in a second must have been throttled and retried");
        Assert.Equal(contacts.OrderBy(c => c), host.Environment.MembersOf(result.Final!.SegmentId));
    }

    [Fact]
    public async Task The_429_answer_has_Dataverse_shape()
    {
        var options = new EmulatorServerOptions { Limits = new ServiceProtectionLimits { RequestsPerWindow = 1, Window = TimeSpan.FromMinutes(1) } };
        await using var host = await TestHost.StartAsync(options);
        using var http = new HttpClient { BaseAddress = host.Server.WebApiAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", host.Server.Token);
        (await http.GetAsync("WhoAmI")).EnsureSuccessStatusCode();

        var throttled = await http.GetAsync("WhoAmI");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Contains("\"code\":\"0x80072322\"", await throttled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Transient_5xx_answers_are_retried()
    {
        var failures = 0;
        var options = new EmulatorServerOptions
        {
            Interceptor = async (context, next) =>
            {
                if (context.Request.Path.Value!.EndsWith("segsync_ImportSegment") && Interlocked.Increment(ref failures) % 2 == 1)
                {
                    context.Response.StatusCode = 503;
                    return;
                }

                await next(context);
            },
        };
        await using var host = await TestHost.StartAsync(options);
        var contacts = host.SeedContacts(6);

        var result = await new SegmentPusher(host.Client, new PushOptions { BatchSize = 2 }).PushAsync(host.Export(host.WriteCsv("a.csv", contacts.Select(c => c.ToString()))));

        Assert.Equal("Applied", result.Outcome);
        Assert.Equal(3, host.Client.Retries);
        Assert.Equal(6, result.Final!.MembersAdded);
    }

    [Fact]
    public async Task A_batch_whose_response_was_lost_is_sent_again_safely()
    {
        var aborted = 0;
        var options = new EmulatorServerOptions
        {
            Interceptor = async (context, next) =>
            {
                await next(context);
                if (context.Request.Path.Value!.EndsWith("segsync_ImportSegment") && Interlocked.Exchange(ref aborted, 1) == 0) context.Abort(); // processed, answer lost
            },
        };
        await using var host = await TestHost.StartAsync(options);
        var contacts = host.SeedContacts(6);

        var result = await new SegmentPusher(host.Client, new PushOptions { BatchSize = 3 }).PushAsync(host.Export(host.WriteCsv("a.csv", contacts.Select(c => c.ToString()))));

        Assert.Equal("Applied", result.Outcome);
        Assert.True(host.Client.Retries >= 1);
        Assert.Equal(6, result.Final!.MembersReceived);
        Assert.Equal(contacts.OrderBy(c => c), host.Environment.MembersOf(result.Final.SegmentId));
        // The resent call carried Dataverse's "tag" with the retry, so the run history says an attempt was repeated.
        var run = host.Environment.Service().Retrieve(SegmentSync.Plugins.Schema.ImportRunTable.LogicalName, result.Final.ImportId,
            new Microsoft.Xrm.Sdk.Query.ColumnSet(SegmentSync.Plugins.Schema.ImportRunTable.Message));
        Assert.Contains("attempt 2", run.GetAttributeValue<string>(SegmentSync.Plugins.Schema.ImportRunTable.Message), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_failure_after_every_retry_keeps_resume_state_and_a_rerun_finishes_the_same_import()
    {
        var down = false;
        var options = new EmulatorServerOptions
        {
            Interceptor = async (context, next) =>
            {
                if (Volatile.Read(ref down)) { context.Response.StatusCode = 503; return; }
                await next(context);
            },
        };
        await using var host = await TestHost.StartAsync(options, TestHost.FastRetry(retries: 1));
        var contacts = host.SeedContacts(10);
        var export = host.Export(host.WriteCsv("a.csv", contacts.Select(c => c.ToString())));
        var progress = new StopAfter(3, () => Volatile.Write(ref down, true));

        var failure = await Assert.ThrowsAsync<PushFailedException>(() => new SegmentPusher(host.Client, new PushOptions { BatchSize = 2, StateDirectory = host.StateDirectory }, progress).PushAsync(export));
        Assert.Contains("3 of 5 batches", failure.ResumeHint);
        Assert.Contains("Run the same command again", failure.ResumeHint);

        Volatile.Write(ref down, false);
        var result = await new SegmentPusher(host.Client, new PushOptions { BatchSize = 2, StateDirectory = host.StateDirectory }).PushAsync(export);

        Assert.True(result.Resumed);
        Assert.Equal(2, result.BatchesSent);
        Assert.Equal(1, host.ImportRuns);
        Assert.Equal(contacts.OrderBy(c => c), host.Environment.MembersOf(result.Final!.SegmentId));
    }

    [Fact]
    public async Task A_request_without_the_token_is_refused_with_401()
    {
        await using var host = await TestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Server.WebApiAddress };

        var none = await http.GetAsync("contacts");
        http.DefaultRequestHeaders.Authorization = new("Bearer", "wrong");
        var wrong = await http.PostAsync("segsync_ImportSegment", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("\"code\":\"0x80040220\"", await none.Content.ReadAsStringAsync());
    }

    internal sealed class StopAfter(int batches, Action stop) : IPushProgress
    {
        public void Validated(Export.SegmentInfo segment, long ids, int count) { }

        public void BatchSent(Export.SegmentInfo segment, int batchNumber, int batchCount, ImportResult result)
        {
            if (batchNumber == batches) stop();
        }

        public void Applying(Export.SegmentInfo segment, ImportResult result) { }

        public void Note(string message) { }
    }
}
