using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SegmentSync.Plugins.Schema;
using Xunit;
using Xunit.Abstractions;

namespace SegmentSync.Client.Tests;

/// <summary>
/// Malformed Custom API calls as a Web API caller sends them — wrong JSON types, literals that are not what the
/// parameter says, bodies that are not JSON objects — each refused with a 400 naming the parameter or the problem,
/// and nothing changed.
/// </summary>
[Trait("Category", "Reliability")]
public class WebApiBadInputTests(ITestOutputHelper output)
{
    private const string Url = "\"ExternalSegmentUrl\":\"https://contoso.crm.dynamics.com/ci/segments/0042\"";
    private const string Names = "\"ExternalSegmentId\":\"0042\",\"SegmentName\":\"High value\"," + Url;
    private static readonly string On = "\"ExportedOn\":\"" + DateTime.UtcNow.AddHours(-1).ToString("O") + "\"";
    private static readonly string Id = "\"" + Guid.NewGuid() + "\"";

    public static IEnumerable<object[]> Cases() =>
    [
        ["ContactIds as a string", "{" + Names + "," + On + ",\"ContactIds\":" + Id + "}", "ContactIds must be a JSON array of strings"],
        ["ContactIds as numbers", "{" + Names + "," + On + ",\"ContactIds\":[1,2]}", "parameter 'ContactIds'"],
        ["ContactIds with null", "{" + Names + "," + On + ",\"ContactIds\":[" + Id + ",null]}", "ContactIds must not contain null"],
        ["ContactIds as an object", "{" + Names + "," + On + ",\"ContactIds\":{\"0\":" + Id + "}}", "ContactIds must be a JSON array of strings"],
        ["ExportedOn as a number", "{" + Names + ",\"ExportedOn\":20261204,\"ContactIds\":[]}", "parameter 'ExportedOn'"],
        ["ExportedOn not a date", "{" + Names + ",\"ExportedOn\":\"yesterday\",\"ContactIds\":[]}", "ExportedOn"],
        ["ExportedOn as an array", "{" + Names + ",\"ExportedOn\":[\"2026-12-04\"],\"ContactIds\":[]}", "parameter 'ExportedOn'"],
        ["SegmentName as a number", "{\"ExternalSegmentId\":\"0042\",\"SegmentName\":42," + Url + "," + On + ",\"ContactIds\":[]}", "parameter 'SegmentName'"],
        ["SegmentName as true", "{\"ExternalSegmentId\":\"0042\",\"SegmentName\":true," + Url + "," + On + ",\"ContactIds\":[]}", "parameter 'SegmentName'"],
        ["ImportId not a GUID", "{" + Names + "," + On + ",\"ContactIds\":[],\"ImportId\":\"not-a-guid\",\"BatchNumber\":1,\"BatchCount\":1}", "ImportId"],
        ["ImportId as a number", "{" + Names + "," + On + ",\"ContactIds\":[],\"ImportId\":7,\"BatchNumber\":1,\"BatchCount\":1}", "parameter 'ImportId'"],
        ["BatchNumber as text", "{" + Names + "," + On + ",\"ContactIds\":[],\"ImportId\":" + Id + ",\"BatchNumber\":\"1\",\"BatchCount\":1}", "parameter 'BatchNumber'"],
        ["BatchNumber as a fraction", "{" + Names + "," + On + ",\"ContactIds\":[],\"ImportId\":" + Id + ",\"BatchNumber\":1.5,\"BatchCount\":2}", "parameter 'BatchNumber'"],
        ["BatchCount beyond int", "{" + Names + "," + On + ",\"ContactIds\":[],\"ImportId\":" + Id + ",\"BatchNumber\":1,\"BatchCount\":99999999999}", "parameter 'BatchCount'"],
        ["an undeclared parameter", "{" + Names + "," + On + ",\"ContactIds\":[],\"Members\":[]}", "Members"],
        ["a body that is an array", "[" + Id + "]", ""],
        ["a body that is not JSON", "ContactIds=" + Id, ""],
        ["an empty body", "", ""],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_call_through_the_web_api_is_a_400_naming_the_problem_and_changes_nothing(string name, string body, string expected)
    {
        await using var host = await TestHost.StartAsync();
        host.SeedContacts(3);
        var before = TokenAndSecretTests.Fingerprint(host);
        using var http = new HttpClient { BaseAddress = host.Server.WebApiAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Server.Token);

        using var response = await http.PostAsync(SegmentImportApi.ImportSegment, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {text}");
        Assert.Contains("\"error\"", text);
        Assert.Contains(expected, text);
        Assert.DoesNotContain("unexpected error", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, TokenAndSecretTests.Fingerprint(host));
        output.WriteLine($"[figures] bad-inputs=1 Web API: {name}");
    }
}
