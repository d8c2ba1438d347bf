using SegmentSync.Plugins.Schema;
using System.IO.Compression;
using SegmentSync.Client.Export;
using SegmentSync.Client.Push;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>segsync push's client against the emulator's Web API over HTTP on 127.0.0.1.</summary>
public class PushTests
{
    [Fact]
    public async Task A_csv_export_is_pushed_and_the_segment_mirrors_it()
    {
        await using var host = await TestHost.StartAsync();
        var contacts = host.SeedContacts(20);
        var unknown = Guid.NewGuid().ToString();
        var file = host.WriteCsv("export.csv", contacts.Take(10).Select(c => c.ToString()).Append("crm" + contacts[10]).Append(unknown).Append(contacts[0].ToString("N")));

        var result = await new SegmentPusher(host.Client, new PushOptions { BatchSize = 5, StateDirectory = host.StateDirectory }).PushAsync(host.Export(file));

        Assert.Equal("Applied", result.Outcome);
        Assert.Equal(3, result.Batches);
        Assert.Equal(12, result.Final!.MembersReceived);
        Assert.Equal(11, result.Final.MembersMatched);
        Assert.Equal(1, result.Final.MembersIgnored);
        Assert.Equal(11, result.Final.MembersAdded);
        Assert.Equal(contacts.Take(11).OrderBy(c => c), host.Environment.MembersOf(result.Final.SegmentId));
        Assert.Empty(Directory.EnumerateFiles(host.StateDirectory)); // nothing to resume
    }

    [Fact]
    public async Task Many_batches_and_a_later_export_refresh_the_same_segment()
    {
        await using var host = await TestHost.StartAsync();
        var contacts = host.SeedContacts(12_000);
        var first = await new SegmentPusher(host.Client, new PushOptions { BatchSize = 250 }).PushAsync(
            host.Export(host.WriteCsv("a.csv", contacts.Take(10_000).Select(c => c.ToString())), exportedOn: DateTime.UtcNow.AddHours(-2)));
        var second = await new SegmentPusher(host.Client, new PushOptions { BatchSize = 1000 }).PushAsync(
            host.Export(host.WriteCsv("b.csv", contacts.Skip(2000).Select(c => c.ToString())), exportedOn: DateTime.UtcNow.AddHours(-1)));

        Assert.Equal(40, first.Batches);
        Assert.Equal("Applied", second.Outcome);
        Assert.Equal(first.Final!.SegmentId, second.Final!.SegmentId);
        Assert.Equal(2000, second.Final.MembersAdded);
        Assert.Equal(2000, second.Final.MembersRemoved);
        Assert.Equal(10_000, host.Environment.MembersOf(second.Final.SegmentId).Count);
    }

    [Fact]
    public async Task An_older_export_is_reported_as_skipped()
    {
        await using var host = await TestHost.StartAsync();
        var contacts = host.SeedContacts(3);
        var file = host.WriteCsv("a.csv", contacts.Select(c => c.ToString()));
        await new SegmentPusher(host.Client, new PushOptions()).PushAsync(host.Export(file, exportedOn: DateTime.UtcNow.AddHours(-1)));

        var older = await new SegmentPusher(host.Client, new PushOptions()).PushAsync(host.Export(file, exportedOn: DateTime.UtcNow.AddHours(-3)));

        Assert.Equal("Skipped", older.Outcome);
    }

    [Fact]
    public async Task A_cdm_folder_with_gzip_partitions_and_a_manifest_pushes_the_selected_active_segments()
    {
        await using var host = await TestHost.StartAsync();
        var contacts = host.SeedContacts(9);
        var folder = Path.Combine(host.Folder, "cdm");
        Directory.CreateDirectory(Path.Combine(folder, "HighValue"));
        Directory.CreateDirectory(Path.Combine(folder, "Lapsed"));
        File.WriteAllText(Path.Combine(folder, "HighValue", "part-0.csv"), string.Join("\n", contacts.Take(3).Select((c, i) => $"p{i},\"{c}\"")) + "\n");
        using (var gz = new GZipStream(File.Create(Path.Combine(folder, "HighValue", "part-1.csv.gz")), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gz))
            writer.Write(string.Join("\n", contacts.Skip(3).Take(3).Select((c, i) => $"q{i},{c}")));
        File.WriteAllText(Path.Combine(folder, "Lapsed", "part-0.csv"), string.Join("\n", contacts.Skip(6).Select((c, i) => $"r{i},{c}")));
        File.WriteAllText(Path.Combine(folder, "draft.csv"), $"x,{contacts[0]}");
        File.WriteAllText(Path.Combine(folder, "model.json"), """
            {"name":"export","version":"1.0","modifiedTime":"2026-12-01T06:00:00Z","entities":[
              {"$type":"LocalEntity","name":"HighValue","attributes":[{"name":"CustomerId","dataType":"string"},{"name":"ContactId","dataType":"string"}],
               "partitions":[{"name":"p0","location":"https://contoso.dfs.core.windows.net/ci/export/HighValue/part-0.csv","refreshTime":"2026-12-01T06:00:00Z"},
                             {"name":"p1","location":"HighValue/part-1.csv.gz","refreshTime":"2026-12-01T06:05:00Z"}]},
              {"$type":"LocalEntity","name":"Lapsed","attributes":[{"name":"CustomerId","dataType":"string"},{"name":"ContactId","dataType":"string"}],
               "partitions":[{"name":"p0","location":"Lapsed/part-0.csv"}]},
              {"$type":"LocalEntity","name":"Drafted","attributes":[{"name":"CustomerId","dataType":"string"},{"name":"ContactId","dataType":"string"}],
               "partitions":[{"name":"p0","location":"draft.csv"}]}
            ]}
            """);
        var manifest = Path.Combine(host.Folder, "segments.json");
        File.WriteAllText(manifest, """
            {"segments":[
              {"entity":"HighValue","id":"0042","name":"High-value customers","url":"https://contoso.crm.dynamics.com/ci/segments/0042"},
              {"entity":"Lapsed","id":"0043","name":"Lapsed","url":"https://contoso.crm.dynamics.com/ci/segments/0043"},
              {"entity":"Drafted","id":"0044","name":"Drafted","url":"https://contoso.crm.dynamics.com/ci/segments/0044","status":"Draft"}]}
            """);

        var loaded = ExportLoader.Load(new ExportOptions { Input = folder, ManifestPath = manifest, Segments = new[] { "0042", "Drafted" } });

        var segment = Assert.Single(loaded.ToPush);
        Assert.Equal("0042", segment.Info.Id);
        Assert.Equal(new DateTime(2026, 12, 1, 6, 5, 0, DateTimeKind.Utc), segment.Info.ExportedOn);
        Assert.Contains("Draft", Assert.Single(loaded.Skipped).Reason);
        var result = await new SegmentPusher(host.Client, new PushOptions { BatchSize = 2 }).PushAsync(segment);
        Assert.Equal(contacts.Take(6).OrderBy(c => c), host.Environment.MembersOf(result.Final!.SegmentId));
    }

    [Theory]
    [InlineData("Outbound")]
    [InlineData("RealTime")]
    public async Task A_dry_run_reports_the_changes_and_changes_nothing(string target)
    {
        await using var host = await TestHost.StartAsync();
        host.Environment.SetSetting(SegmentSyncSettings.SegmentTarget, target);
        var contacts = host.SeedContacts(10);
        var applied = await new SegmentPusher(host.Client, new PushOptions()).PushAsync(
            host.Export(host.WriteCsv("a.csv", contacts.Take(6).Select(c => c.ToString())), exportedOn: DateTime.UtcNow.AddHours(-2)));
        var runs = host.ImportRuns;

        var dry = await new SegmentPusher(host.Client, new PushOptions { DryRun = true }).PushAsync(
            host.Export(host.WriteCsv("b.csv", contacts.Skip(4).Select(c => c.ToString()).Append(Guid.NewGuid().ToString())), exportedOn: DateTime.UtcNow.AddHours(-1)));

        Assert.Equal("DryRun", dry.Outcome);
        Assert.Equal(new DryRunReport(7, 6, 1, 4, 4, null), dry.DryRun);
        Assert.Equal(runs, host.ImportRuns);
        Assert.Equal(contacts.Take(6).OrderBy(c => c), host.Environment.MembersOf(applied.Final!.SegmentId));
    }

    [Fact]
    public async Task A_dry_run_of_a_real_time_segment_reads_every_page_of_its_members()
    {
        await using var host = await TestHost.StartAsync();
        host.Environment.SetSetting(SegmentSyncSettings.SegmentTarget, "RealTime");
        var contacts = host.SeedContacts(RealTimeSegmentTables.ListPageSize + 2);
        await new SegmentPusher(host.Client, new PushOptions()).PushAsync(
            host.Export(host.WriteCsv("a.csv", contacts.Skip(1).Select(c => c.ToString())), exportedOn: DateTime.UtcNow.AddHours(-2)));

        var dry = await new SegmentPusher(host.Client, new PushOptions { DryRun = true }).PushAsync(
            host.Export(host.WriteCsv("b.csv", contacts.SkipLast(1).Select(c => c.ToString())), exportedOn: DateTime.UtcNow.AddHours(-1)));

        Assert.Equal(new DryRunReport(contacts.Count - 1, contacts.Count - 1, 0, 1, 1, null), dry.DryRun);
    }

    public static TheoryData<string, string[], string> BadFiles => new()
    {
        { "CustomerId,Email", new[] { "c1,a@b.c" }, "has no column \"ContactId\"" },
        { "CustomerId,ContactId", new[] { "c1,7b0a0f1e-0000-4000-8000-000000000001", "c2,not-a-guid", "c3,12345" }, "2 contact id(s) that are not GUIDs (optionally prefixed with \"crm\"): bad.csv line 3: \"not-a-guid\"; bad.csv line 4: \"12345\"" },
        { "CustomerId;ContactId", new[] { "c1;7b0a0f1e-0000-4000-8000-000000000001" }, "looks semicolon-delimited; pass --delimiter ;" },
        { "CustomerId,ContactId", Array.Empty<string>(), "has no rows" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_fails_with_a_clear_message_and_changes_nothing(string header, string[] rows, string expected)
    {
        await using var host = await TestHost.StartAsync();
        var path = Path.Combine(host.Folder, "bad.csv");
        File.WriteAllLines(path, new[] { header }.Concat(rows));
        var runs = host.ImportRuns;

        var error = await Assert.ThrowsAsync<ExportFormatException>(() => new SegmentPusher(host.Client, new PushOptions()).PushAsync(host.Export(path)));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
        Assert.Equal(runs, host.ImportRuns);
    }

    [Fact]
    public async Task An_empty_file_is_refused_before_anything_is_sent()
    {
        await using var host = await TestHost.StartAsync();
        var path = Path.Combine(host.Folder, "empty.csv");
        File.WriteAllText(path, string.Empty);

        var error = await Assert.ThrowsAsync<ExportFormatException>(() => new SegmentPusher(host.Client, new PushOptions()).PushAsync(host.Export(path)));

        Assert.Equal("empty.csv is empty: expected a header row with a ContactId column.", error.Message);
        Assert.Equal(0, host.ImportRuns);
    }
}
