using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SegmentSync.Emulator;
using SegmentSync.WebApi;
using SegmentSync.WebApi.Persistence;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>The emulator's Web API: Dataverse's JSON shapes, queries, paging, errors, and SQLite persistence.</summary>
public class WebApiTests
{
    private static HttpClient Http(TestHost host)
    {
        var http = new HttpClient { BaseAddress = host.Server.WebApiAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", host.Server.Token);
        return http;
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) => (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)!;

    [Fact]
    public async Task Create_read_update_and_delete_a_row_with_Dataverse_shapes()
    {
        await using var host = await TestHost.StartAsync();
        using var http = Http(host);

        var created = await http.PostAsync("contacts", new StringContent("""{"firstname":"Ada","lastname":"Lovelace","fullname":"Ada Lovelace","emailaddress1":"ada@example.com"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        var url = created.Headers.GetValues("OData-EntityId").Single();
        var id = Guid.Parse(url[(url.IndexOf('(') + 1)..^1]);

        var read = await Json(await http.GetAsync($"contacts({id})?$select=fullname,statecode,_ownerid_value,createdon"));
        Assert.EndsWith("$metadata#contacts/$entity", read["@odata.context"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", read["fullname"]!.GetValue<string>());
        Assert.Equal(0, read["statecode"]!.GetValue<int>());
        Assert.Equal(host.Environment.Dataverse.SystemUserId.ToString(), read["_ownerid_value"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", read["createdon"]!.GetValue<string>());

        var patched = await http.PatchAsync($"contacts({id})", new StringContent("""{"lastname":"King"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.Equal("King", (await Json(await http.GetAsync($"contacts({id})?$select=lastname")))["lastname"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"contacts({id})")).StatusCode);
        var missing = await http.GetAsync($"contacts({id})");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = (await Json(missing))["error"]!;
        Assert.Equal("0x80040217", error["code"]!.GetValue<string>());
        Assert.Contains("Does Not Exist", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Filters_orders_counts_and_pages_with_nextLink()
    {
        await using var host = await TestHost.StartAsync();
        var ids = host.SeedContacts(25);
        using var http = Http(host);

        async Task<int> Count(string filter) => (await Json(await http.GetAsync("contacts?$select=fullname&$count=true&$filter=" + Uri.EscapeDataString(filter))))["value"]!.AsArray().Count;
        Assert.Equal(12, await Count("startswith(fullname,'Contact 1') or fullname eq 'Contact 2'"));
        Assert.Equal(1, await Count("contains(fullname,'t 2') and fullname ne 'Contact 2' and not startswith(fullname,'Contact 20') and fullname lt 'Contact 22' and fullname gt 'Contact 20'"));
        Assert.Equal(2, await Count($"contactid in ({ids[0]},{ids[1]})"));
        Assert.Equal(3, await Count($"Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=['{ids[0]}','{ids[1]}','{ids[2]}'])"));
        Assert.Equal(0, await Count("emailaddress1 ne null"));

        var names = new List<string>();
        var pages = 0;
        string? next = "contacts?$select=fullname&$orderby=fullname desc&$count=true";
        while (next is not null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Add("Prefer", "odata.maxpagesize=10");
            var page = await Json(await http.SendAsync(request));
            if (pages == 0) Assert.Equal(25, page["@odata.count"]!.GetValue<int>());
            names.AddRange(page["value"]!.AsArray().Select(v => v!["fullname"]!.GetValue<string>()));
            next = page["@odata.nextLink"]?.GetValue<string>();
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => "Contact " + i).OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase), names);

        var top = await Json(await http.GetAsync("contacts?$top=2"));
        Assert.Equal(2, top["value"]!.AsArray().Count);
        var bad = await http.GetAsync("contacts?$filter=" + Uri.EscapeDataString("nosuch eq 1"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Could not find a property named 'nosuch'", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Custom_api_calls_take_parameters_by_type_and_answer_the_response_type()
    {
        await using var host = await TestHost.StartAsync();
        var contact = host.SeedContacts(1).Single();
        using var http = Http(host);
        var body = new JsonObject
        {
            ["ExternalSegmentId"] = "0042",
            ["SegmentName"] = "High value",
            ["ExternalSegmentUrl"] = "https://contoso.crm.dynamics.com/ci/segments/0042",
            ["ExportedOn"] = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["ContactIds"] = new JsonArray(contact.ToString()),
        };

        var response = await Json(await http.PostAsJsonAsync("segsync_ImportSegment", body));

        Assert.EndsWith("$metadata#Microsoft.Dynamics.CRM.segsync_ImportSegmentResponse", response["@odata.context"]!.GetValue<string>());
        Assert.Equal("Applied", response["Status"]!.GetValue<string>());
        Assert.Equal(1, response["MembersAdded"]!.GetValue<int>());
        var segment = Guid.Parse(response["SegmentId"]!.GetValue<string>());
        var row = await Json(await http.GetAsync($"msdyncrm_segments({segment})?$select=msdyncrm_segmentname,statuscode,msdyncrm_segmentmemberids"));
        Assert.Equal("High value", row["msdyncrm_segmentname"]!.GetValue<string>());
        Assert.Contains(contact.ToString(), row["msdyncrm_segmentmemberids"]!.GetValue<string>());

        var refused = await http.PostAsJsonAsync("segsync_ImportSegment", new JsonObject { ["SegmentName"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("0x", (await Json(refused))["error"]!["code"]!.GetValue<string>());
        var unknown = await http.PostAsJsonAsync("segsync_NoSuchApi", new JsonObject());
        Assert.False(unknown.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Lookups_are_bound_with_odata_bind_and_read_as_value_properties()
    {
        await using var host = await TestHost.StartAsync();
        using var http = Http(host);
        var created = await http.PostAsync("segsync_externalsegments?$select=segsync_externalid", new StringContent("""{"segsync_externalid":"x-1","segsync_name":"X"}""", Encoding.UTF8, "application/json"));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var whoAmI = await Json(await http.GetAsync("WhoAmI"));
        Assert.Equal(host.Environment.Dataverse.SystemUserId.ToString(), whoAmI["UserId"]!.GetValue<string>());
        var annotated = new HttpRequestMessage(HttpMethod.Get, "segsync_externalsegments?$select=_ownerid_value");
        annotated.Headers.Add("Prefer", "odata.include-annotations=\"*\"");
        var row = (await Json(await http.SendAsync(annotated)))["value"]![0]!;
        Assert.Equal("systemuser", row["_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"]!.GetValue<string>());
    }

    [Fact]
    public void The_sqlite_store_restores_rows_and_members_into_a_new_organization()
    {
        var path = Path.Combine(Path.GetTempPath(), $"segsync-{Guid.NewGuid():N}.db");
        try
        {
            Guid segment;
            List<Guid> contacts;
            {
                var environment = SegmentSync.LocalEnvironment.SegmentSyncEnvironment.Create();
                environment.SetSetting(SegmentSync.Plugins.Schema.SegmentSyncSettings.SegmentTarget, "Outbound");
                using var store = SqliteStore.Attach(environment.Dataverse, path);
                contacts = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
                environment.Dataverse.Seed("contact", contacts.Select(id => new Microsoft.Xrm.Sdk.Entity("contact", id) { ["fullname"] = "C" }));
                var outcome = new SegmentSync.LocalEnvironment.Client.SegmentImportClient(environment.Service()).Import(
                    new("0042", "S", "https://contoso.crm.dynamics.com/ci/0042", DateTime.UtcNow.AddMinutes(-5)), contacts.Select(c => c.ToString()).ToList(), batchSize: 7);
                segment = outcome.Final.SegmentId;
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var restored = SegmentSync.LocalEnvironment.SegmentSyncEnvironment.Create();
            using (var store = SqliteStore.Attach(restored.Dataverse, path))
            {
                Assert.True(store.Restored > 30);
                Assert.Equal(contacts.OrderBy(c => c), restored.MembersOf(segment));
                Assert.Equal(30, restored.Dataverse.Count("contact"));
                Assert.Equal(1, restored.Dataverse.Count(SegmentSync.Plugins.Schema.ImportRunTable.LogicalName));
                Assert.Equal("Outbound", SettingValue(restored));
            }
        }
        finally
        {
            foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*")) File.Delete(file);
        }
    }

    private static string? SettingValue(SegmentSync.LocalEnvironment.SegmentSyncEnvironment environment) =>
        environment.Service().RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("environmentvariablevalue") { ColumnSet = new(true) })
            .Entities.Select(e => e.GetAttributeValue<string>("value")).FirstOrDefault();
}
