using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Schema;
using SegmentSync.WebApi;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>
/// The emulator server refuses every request without the valid bearer token, whatever the resource, and changes
/// nothing; neither the server's refusals nor the push client's output ever show a token.
/// </summary>
public class TokenAndSecretTests
{
    private const string Token = "s3cr3t-T0ken-for-tests-0123456789abcdef";

    /// <summary>What may be in an Authorization header instead of "Bearer &lt;token&gt;".</summary>
    public static IEnumerable<object?[]> BadHeaders() =>
    [
        [null],
        [""],
        ["Bearer"],
        ["Bearer "],
        ["Bearer wrong"],
        ["Bearer " + Token[..^1]],
        ["Bearer " + Token + "x"],
        ["Bearer  " + Token],
        ["Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + Token))],
        [Token],
        ["Bearer " + Token.ToUpperInvariant()],
        ["Bearer " + Token + ", Bearer " + Token],
    ];

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public async Task A_request_without_the_valid_token_is_refused_on_every_resource_and_changes_nothing(string? authorization)
    {
        await using var host = await TestHost.StartAsync(new EmulatorServerOptions { Token = Token });
        var contacts = host.SeedContacts(3);
        var before = Fingerprint(host);
        using var http = new HttpClient { BaseAddress = host.Server.WebApiAddress };
        var import = $$"""{"ExternalSegmentId":"x","SegmentName":"x","ExternalSegmentUrl":"https://contoso.com/x","ExportedOn":"{{DateTime.UtcNow.AddHours(-1):O}}","ContactIds":["{{contacts[0]}}"]}""";
        var requests = new Func<HttpRequestMessage>[]
        {
            () => new HttpRequestMessage(HttpMethod.Get, "contacts"),
            () => new HttpRequestMessage(HttpMethod.Get, "WhoAmI"),
            () => new HttpRequestMessage(HttpMethod.Get, "contacts?access_token=" + Token),
            () => new HttpRequestMessage(HttpMethod.Post, SegmentImportApi.ImportSegment) { Content = new StringContent(import, Encoding.UTF8, "application/json") },
            () => new HttpRequestMessage(HttpMethod.Post, "contacts") { Content = new StringContent("{\"fullname\":\"Mallory\"}", Encoding.UTF8, "application/json") },
            () => new HttpRequestMessage(HttpMethod.Patch, $"contacts({contacts[1]})") { Content = new StringContent("{\"fullname\":\"Mallory\"}", Encoding.UTF8, "application/json") },
            () => new HttpRequestMessage(HttpMethod.Delete, $"contacts({contacts[2]})"),
        };

        foreach (var make in requests)
        {
            using var request = make();
            if (authorization != null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{request.Method} {request.RequestUri} with \"{authorization}\": {(int)response.StatusCode}");
            Assert.DoesNotContain(Token, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Token, string.Join(" ", response.Headers.Select(h => string.Join(",", h.Value))), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(before, Fingerprint(host));
    }

    [Fact]
    public async Task The_valid_token_is_accepted()
    {
        await using var host = await TestHost.StartAsync(new EmulatorServerOptions { Token = Token });
        using var http = new HttpClient { BaseAddress = host.Server.WebApiAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("WhoAmI")).StatusCode);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    public async Task Segsync_push_never_prints_the_token_whether_it_succeeds_or_fails(bool validToken, bool json, bool dryRun)
    {
        await using var host = await TestHost.StartAsync(new EmulatorServerOptions { Token = Token });
        var contacts = host.SeedContacts(10);
        var file = host.WriteCsv("export.csv", contacts.Select(c => c.ToString()));
        var secret = validToken ? Token : "not-the-token-" + Guid.NewGuid().ToString("N");
        var arguments = $"push \"{file}\" --url {host.Server.BaseAddress} --auth token --segment-id 0042 --segment-name \"High value\" --segment-url https://contoso.crm.dynamics.com/ci/segments/0042 --state-dir \"{host.StateDirectory}\" --max-retries 1"
            + (json ? " --json" : string.Empty) + (dryRun ? " --dry-run" : string.Empty);

        var (exitCode, output) = await RunSegsync(arguments, ("SEGSYNC_TOKEN", secret), ("SEGSYNC_CLIENT_SECRET", "client-secret-value-" + Guid.NewGuid().ToString("N")));

        Assert.True(validToken ? exitCode == 0 : exitCode == 4, $"exit code {exitCode}: {output}");
        Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("client-secret-value-", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret[..12], output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Segsync_emulate_does_not_echo_a_token_given_to_it()
    {
        var folder = Directory.CreateTempSubdirectory("segsync-token-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "segsync.dll")}\" emulate --port 0 --in-memory --token {Token}")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder,
            };
            using var process = Process.Start(start)!;
            var output = new StringBuilder();
            try
            {
                while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
                {
                    output.AppendLine(line);
                    if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal)) break;
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            Assert.Contains("Listening on", output.ToString());
            Assert.DoesNotContain(Token, output.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static string Fingerprint(TestHost host)
    {
        var service = host.Environment.Service();
        var text = new StringBuilder();
        foreach (var table in new[] { "contact", OutboundSegmentTable.LogicalName, ExternalSegmentTable.LogicalName, ImportRunTable.LogicalName, ImportBatchTable.LogicalName })
        {
            foreach (var row in service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(true) }).Entities.OrderBy(r => r.Id))
            {
                text.Append(table).Append(row.Id).AppendJoin(',', row.Attributes.OrderBy(a => a.Key).Select(a => a.Key + "=" + a.Value)).AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>Runs segsync.dll (built beside the tests) with extra environment variables; returns its exit code and all it wrote.</summary>
    private static async Task<(int ExitCode, string Output)> RunSegsync(string arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "segsync.dll")}\" {arguments}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("segsync did not finish: " + arguments);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
