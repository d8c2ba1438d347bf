using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SegmentSync.Client.Auth;
using SegmentSync.Client.Http;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Content;
using SegmentSync.WebApi;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>
/// Each bearer token of the Web API emulator runs as its user, so Dataverse's privilege checks apply over HTTP: the
/// execute privilege of the Custom APIs and the step privilege the guard set-up needs.
/// </summary>
public class WebApiCallerTests
{
    private static async Task<(TestHost Host, EmulatorServerOptions Options)> Start()
    {
        var options = new EmulatorServerOptions();
        return (await TestHost.StartAsync(options), options);
    }

    private static string TokenFor(EmulatorServerOptions options, Guid user)
    {
        var token = EmulatorServer.NewToken();
        options.UserTokens[token] = user;
        return token;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> Post(TestHost host, string token, string action, string json)
    {
        using var http = new HttpClient { BaseAddress = host.Server.WebApiAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsync(action, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text.Length == 0 ? "{}" : text)!.AsObject());
    }

    private static string ImportBody(IEnumerable<Guid> contacts) => new JsonObject
    {
        [SegmentImportApi.ExternalSegmentId] = "seg-1",
        [SegmentImportApi.SegmentName] = "High value",
        [SegmentImportApi.ExternalSegmentUrl] = "https://contoso.crm.dynamics.com/customerinsights/segments/seg-1",
        [SegmentImportApi.ExportedOn] = "2026-12-01T06:00:00Z",
        [SegmentImportApi.ContactIds] = new JsonArray(contacts.Select(c => (JsonNode)c.ToString()).ToArray()),
    }.ToJsonString();

    [Fact]
    public async Task A_token_of_a_user_without_the_integration_role_is_refused_the_import_with_403_naming_the_privilege_and_nothing_changes()
    {
        var (host, options) = await Start();
        await using var _ = host;
        var contacts = host.SeedContacts(3);
        var maker = TokenFor(options, host.Environment.Dataverse.CreateUser("A maker"));

        var (status, body) = await Post(host, maker, SegmentImportApi.ImportSegment, ImportBody(contacts));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("0x80040220", body["error"]!["code"]!.GetValue<string>());
        Assert.Contains(ExternalSegmentTable.WritePrivilege, body["error"]!["message"]!.GetValue<string>());
        Assert.Equal(0, host.ImportRuns);
        Assert.Equal(0, host.Environment.Dataverse.Count(ExternalSegmentTable.LogicalName));
    }

    [Fact]
    public async Task The_integration_users_token_imports_but_may_not_configure_the_guard()
    {
        var (host, options) = await Start();
        await using var _ = host;
        var contacts = host.SeedContacts(3);
        var integration = TokenFor(options, host.Environment.IntegrationUser());

        var import = await Post(host, integration, SegmentImportApi.ImportSegment, ImportBody(contacts));
        var guard = await Post(host, integration, GuardSetupApi.ConfigureGuard, """{"Enabled":false}""");

        Assert.Equal(HttpStatusCode.OK, import.Status);
        Assert.Equal("Applied", import.Body[SegmentImportApi.Status]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, guard.Status);
        Assert.Contains(PluginRegistrationTables.Step.CreatePrivilege, guard.Body["error"]!["message"]!.GetValue<string>());
        Assert.Equal(PluginSteps.OutboundGuard.Count + PluginSteps.RealTimeGuard.Count, host.Environment.Dataverse.Count(PluginRegistrationTables.Step.LogicalName));
    }

    [Fact]
    public async Task The_administrators_token_configures_the_guard()
    {
        var (host, _) = await Start();
        await using var __ = host;

        var off = await Post(host, host.Server.Token, GuardSetupApi.ConfigureGuard, """{"Enabled":false}""");
        var on = await Post(host, host.Server.Token, GuardSetupApi.ConfigureGuard, """{"Enabled":true}""");

        Assert.Equal(HttpStatusCode.OK, off.Status);
        Assert.Equal(PluginSteps.OutboundGuard.Count + PluginSteps.RealTimeGuard.Count, off.Body[GuardSetupApi.StepsRemoved]!.GetValue<int>());
        Assert.Equal("Outbound,RealTime", on.Body[GuardSetupApi.SegmentModels]!.GetValue<string>());
        Assert.Equal(PluginSteps.OutboundGuard.Count + PluginSteps.RealTimeGuard.Count, on.Body[GuardSetupApi.StepsActive]!.GetValue<int>());
    }

    [Fact]
    public async Task The_client_reports_a_missing_privilege_as_not_allowed()
    {
        var (host, options) = await Start();
        await using var _ = host;
        var contacts = host.SeedContacts(2);
        var maker = TokenFor(options, host.Environment.Dataverse.CreateUser("A maker"));
        using var client = new DataverseClient(host.Server.BaseAddress, new StaticTokenProvider(maker), TestHost.FastRetry());
        var path = host.WriteCsv("seg.csv", contacts.Select(c => c.ToString()));

        var error = await Assert.ThrowsAsync<DataverseException>(() => new Push.SegmentPusher(client, new Push.PushOptions(), null).PushAsync(host.Export(path)));

        Assert.True(error.IsAuthentication);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal(0, client.Retries);
        Assert.Equal(0, host.ImportRuns);
    }
}
