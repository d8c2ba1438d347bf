using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using Xunit;
using Xunit.Abstractions;

namespace SegmentSync.Client.Tests
{
    /// <summary>
    /// `segsync emulate` (a separate process keeping the organization in SQLite) is killed while an import is being
    /// applied — between two continuation calls, and in the middle of one — started again on the same file, and the
    /// caller continues: the segment ends exactly as the export says, the counts are exact, nothing is duplicated.
    /// </summary>
    [Trait("Category", "Reliability")]
    public class CrashDuringApplyTests(ITestOutputHelper output)
    {
        private const string Token = "crash-test-token";
        private const int Contacts = 18000;

        [Fact]
        public async Task Killing_the_server_during_apply_and_restarting_it_on_its_file_gives_the_same_final_state()
        {
            var folder = Directory.CreateTempSubdirectory("segsync-crash-").FullName;
            Process? server = null;
            try
            {
                var contacts = Enumerable.Range(0, Contacts).Select(_ => Guid.NewGuid()).ToList();
                var seed = Path.Combine(folder, "contacts.csv");
                File.WriteAllLines(seed, new[] { "contactid" }.Concat(contacts.Select(c => c.ToString())));
                var db = Path.Combine(folder, "emulator.db");
                var port = SegsyncProcess.FreePort();
                var start = $"emulate --port {port} --db \"{db}\" --token {Token}";
                server = await SegsyncProcess.StartEmulatorAsync(folder, start + $" --seed \"{seed}\" --target outbound");
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/data/v9.2/"), Timeout = TimeSpan.FromSeconds(60) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

                // A Live segment of 6,000 members, then an export of 12,000 others and 2 unknown ids, with 50 requests a call.
                var old = contacts.Take(6000).ToList();
                var wanted = contacts.Skip(6000).Take(12000).ToHashSet();
                var first = await Import(http, old.Select(c => c.ToString()), DateTime.UtcNow.AddHours(-2));
                var segment = first["SegmentId"]!.GetValue<Guid>();
                await Send(http, HttpMethod.Patch, $"msdyncrm_segments({segment})", new JsonObject { ["statuscode"] = OutboundSegmentTable.StatusLive });
                await SetBudget(http, 50);
                var exportIds = wanted.Select(c => c.ToString()).Append(Guid.NewGuid().ToString()).Append(Guid.NewGuid().ToString()).ToList();
                var result = await Import(http, exportIds, DateTime.UtcNow.AddHours(-1));
                Assert.Equal("Applying", result["Status"]!.GetValue<string>());
                var importId = result["ImportId"]!.GetValue<Guid>();
                var continues = 0;
                var kills = 0;

                // Crash 1: between two calls of the apply.
                Kill(server);
                kills++;
                server = await SegsyncProcess.StartEmulatorAsync(folder, start);
                var watch = Stopwatch.StartNew();
                result = await Continue(http, importId);
                var callTime = watch.Elapsed;
                continues++;
                Assert.Equal("Applying", result["Status"]!.GetValue<string>());

                // Crash 2: half-way through a continuation call (timed by the last one): its transaction never commits.
                var inFlight = http.PostAsync("segsync_ContinueSegmentImport", Json(new JsonObject { ["ImportId"] = importId }));
                await Task.Delay(callTime / 2);
                Kill(server);
                kills++;
                var answered = false;
                try
                {
                    using var response = await inFlight;
                    answered = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    // the connection died with the server: the caller does not know whether the call was applied
                }

                server = await SegsyncProcess.StartEmulatorAsync(folder, start);
                do
                {
                    result = await Continue(http, importId);
                    continues++;
                }
                while (result["Status"]!.GetValue<string>() == "Applying");

                Assert.Equal("Applied", result["Status"]!.GetValue<string>());
                Assert.Equal((12000, 2, 12000, 6000), (result["MembersMatched"]!.GetValue<int>(), result["MembersIgnored"]!.GetValue<int>(), result["MembersAdded"]!.GetValue<int>(), result["MembersRemoved"]!.GetValue<int>()));

                // After one more restart, the state read back from the file.
                Kill(server);
                kills++;
                server = await SegsyncProcess.StartEmulatorAsync(folder, start);
                var row = await Send(http, HttpMethod.Get, $"msdyncrm_segments({segment})?$select=msdyncrm_segmentmemberids,msdyncrm_segmentsize,statuscode", null);
                Assert.True(MemberIdListCodec.TryParse(row["msdyncrm_segmentmemberids"]!.GetValue<string>(), out var members));
                Assert.Equal(members.Count, members.Distinct().Count());
                Assert.True(members.ToHashSet().SetEquals(wanted), $"{members.Except(wanted).Count()} extra, {wanted.Except(members).Count()} missing");
                Assert.Equal(12000, row["msdyncrm_segmentsize"]!.GetValue<int>());
                Assert.Equal(OutboundSegmentTable.StatusLive, row["statuscode"]!.GetValue<int>());
                var segments = await Send(http, HttpMethod.Get, "msdyncrm_segments?$select=msdyncrm_segmentid", null);
                Assert.Single(segments["value"]!.AsArray());
                var run = await Send(http, HttpMethod.Get, $"segsync_importruns({importId})?$select=segsync_status,segsync_requestsdone,segsync_plannedrequests", null);
                Assert.Equal((int)ImportRunStatusOption.Applied, run["segsync_status"]!.GetValue<int>());
                Assert.Equal(run["segsync_plannedrequests"]!.GetValue<int>(), run["segsync_requestsdone"]!.GetValue<int>());
                output.WriteLine($"[figures] server-crashes={kills} during one apply ({continues} continuation calls after restarts; the call in flight at the second crash {(answered ? "had answered" : "was cut off")}), 0 lost");
            }
            finally
            {
                if (server is { HasExited: false })
                {
                    Kill(server);
                }

                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }

        /// <summary>Sends the export in batches of at most 10,000 ids; returns the last batch's response.</summary>
        private static async Task<JsonObject> Import(HttpClient http, IEnumerable<string> ids, DateTime exportedOn)
        {
            var batches = ids.Chunk(7000).ToList();
            var importId = Guid.NewGuid();
            JsonObject result = null!;
            for (var i = 0; i < batches.Count; i++)
            {
                result = await Send(http, HttpMethod.Post, SegmentImportApi.ImportSegment, new JsonObject
                {
                    ["ExternalSegmentId"] = "0042",
                    ["SegmentName"] = "High value",
                    ["ExternalSegmentUrl"] = "https://contoso.crm.dynamics.com/ci/segments/0042",
                    ["ExportedOn"] = exportedOn.ToString("O"),
                    ["ContactIds"] = new JsonArray(batches[i].Select(id => (JsonNode)JsonValue.Create(id)!).ToArray()),
                    ["ImportId"] = importId,
                    ["BatchNumber"] = i + 1,
                    ["BatchCount"] = batches.Count,
                });
            }

            return result;
        }

        /// <summary>A continuation call, sent again while the restarted server is not answering yet.</summary>
        private static async Task<JsonObject> Continue(HttpClient http, Guid importId)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await Send(http, HttpMethod.Post, SegmentImportApi.ContinueSegmentImport, new JsonObject { ["ImportId"] = importId });
                }
                catch (HttpRequestException) when (attempt < 5)
                {
                    await Task.Delay(200);
                }
            }
        }

        private static async Task SetBudget(HttpClient http, int budget)
        {
            var definitions = await Send(http, HttpMethod.Get, $"environmentvariabledefinitions?$select=environmentvariabledefinitionid&$filter=schemaname eq '{SegmentSyncSettings.RequestBudget}'", null);
            var id = definitions["value"]![0]!["environmentvariabledefinitionid"]!.GetValue<Guid>();
            await Send(http, HttpMethod.Post, "environmentvariablevalues", new JsonObject
            {
                ["schemaname"] = SegmentSyncSettings.RequestBudget,
                ["value"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["environmentvariabledefinitionid@odata.bind"] = $"/environmentvariabledefinitions({id})",
            });
        }

        private static async Task<JsonObject> Send(HttpClient http, HttpMethod method, string url, JsonObject? body)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : Json(body) };
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
            return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
        }

        private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

        private static void Kill(Process server)
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }
}
