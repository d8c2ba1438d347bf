using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SegmentSync.Client.Auth;
using SegmentSync.Client.Export;
using SegmentSync.Client.Http;
using SegmentSync.Client.Push;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>
/// `segsync emulate` as a separate process with a SQLite file: it is killed in the middle of an import, started
/// again on the same file and port, and the push resumes the same import to the end.
/// </summary>
public class RestartTests
{
    [Fact]
    public async Task An_import_interrupted_by_a_killed_emulator_resumes_after_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("segsync-restart-").FullName;
        Process? server = null;
        try
        {
            var contacts = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
            var seed = Path.Combine(folder, "contacts.csv");
            File.WriteAllLines(seed, new[] { "contactid,fullname" }.Concat(contacts.Select((c, i) => $"{c},Person {i}")));
            var export = Path.Combine(folder, "export.csv");
            File.WriteAllLines(export, new[] { "ContactId" }.Concat(contacts.Select(c => c.ToString())));
            var db = Path.Combine(folder, "emulator.db");
            const string token = "restart-test-token";
            var port = SegsyncProcess.FreePort();

            server = await SegsyncProcess.StartEmulatorAsync(folder, $"emulate --port {port} --db \"{db}\" --token {token} --seed \"{seed}\" --target outbound");
            var segment = ExportLoader.Load(new ExportOptions
            {
                Input = export, SegmentId = "0042", SegmentName = "High value", SegmentUrl = "https://contoso.crm.dynamics.com/ci/segments/0042", ExportedOn = DateTime.UtcNow.AddMinutes(-5),
            }).ToPush.Single();
            var state = Path.Combine(folder, "state");
            var url = new Uri($"http://127.0.0.1:{port}/");
            using (var client = new DataverseClient(url, new StaticTokenProvider(token), TestHost.FastRetry(retries: 1)))
            {
                var running = server;
                var kill = new ResilienceTests.StopAfter(4, () =>
                {
                    running.Kill(entireProcessTree: true);
                    running.WaitForExit();
                });
                var failure = await Assert.ThrowsAsync<PushFailedException>(() => new SegmentPusher(client, new PushOptions { BatchSize = 5, StateDirectory = state }, kill).PushAsync(segment));
                Assert.Contains("4 of 8 batches", failure.ResumeHint);
            }

            server = await SegsyncProcess.StartEmulatorAsync(folder, $"emulate --port {port} --db \"{db}\" --token {token}");
            using (var client = new DataverseClient(url, new StaticTokenProvider(token), TestHost.FastRetry()))
            {
                var result = await new SegmentPusher(client, new PushOptions { BatchSize = 5, StateDirectory = state }).PushAsync(segment);

                Assert.True(result.Resumed);
                Assert.Equal(4, result.BatchesSent);
                Assert.Equal("Applied", result.Outcome);
                Assert.Equal(40, result.Final!.MembersMatched);
                Assert.Equal(40, result.Final.MembersAdded);
                var row = await client.GetAsync($"msdyncrm_segments({result.Final.SegmentId})?$select=msdyncrm_segmentsize");
                Assert.Equal(40, row["msdyncrm_segmentsize"]!.GetValue<int>());
                var runs = await client.GetAsync("segsync_importruns?$select=segsync_membersadded&$count=true");
                Assert.Single(runs["value"]!.AsArray());
            }
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
