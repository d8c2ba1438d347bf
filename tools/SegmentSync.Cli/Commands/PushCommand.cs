using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SegmentSync.Client.Auth;
using SegmentSync.Client.Export;
using SegmentSync.Client.Http;
using SegmentSync.Client.Push;
using Spectre.Console;

namespace SegmentSync.Cli.Commands;

/// <summary><c>segsync push</c>: send Customer Insights - Data segment exports to segsync_ImportSegment over the Web API.</summary>
public static class PushCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input")
        {
            Description = "The export: a CSV file with a header, a CDM folder (or its model.json) with CSV partitions (several, gzip or not), or a manifest .json naming CSV files.",
        };
        var connection = new ConnectionOptions();
        var column = new Option<string>("--contact-id-column") { Description = "The column that holds the Dynamics 365 Contact ID (the export destination's matching field).", DefaultValueFactory = _ => "ContactId", HelpName = "name" };
        var delimiter = new Option<string>("--delimiter") { Description = "The CSV delimiter: , ; | or tab.", DefaultValueFactory = _ => ",", HelpName = "char" };
        var manifest = new Option<string?>("--manifest") { Description = "A JSON file with segment metadata (id, name, url, exportedOn, status) for what the export does not say.", HelpName = "file" };
        var segmentId = new Option<string?>("--segment-id") { Description = "The source segment's id in Customer Insights - Data (single-segment exports). Default: the file or entity name.", HelpName = "id" };
        var segmentName = new Option<string?>("--segment-name") { Description = "The segment's name. Default: the file or entity name.", HelpName = "name" };
        var segmentUrl = new Option<string?>("--segment-url") { Description = "The source segment's URL; {id} is replaced by the segment id.", HelpName = "url" };
        var exportedOn = new Option<string?>("--exported-on") { Description = "When the export was produced (ISO 8601, UTC). Default: the manifest, the CDM refresh time, or the file's time.", HelpName = "time" };
        var status = new Option<string?>("--segment-status") { Description = "The source segment's status; draft and inactive segments are skipped.", HelpName = "status" };
        status.AcceptOnlyFromAmong("active", "draft", "inactive");
        var segments = new Option<string[]>("--segments") { Description = "Push only these segments of a multi-segment export (ids or names, comma-separated or repeated).", AllowMultipleArgumentsPerToken = true, HelpName = "id" };
        var batchSize = new Option<int>("--batch-size") { Description = "Contact ids per call (1-10000).", DefaultValueFactory = _ => PushOptions.MaxBatchSize, HelpName = "n" };
        batchSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > PushOptions.MaxBatchSize) r.AddError("--batch-size must be between 1 and 10000.");
        });
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change (received, matched, ignored, added, removed) from reads only; change nothing." };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Accept an export without any contact id: it removes every member of the segment." };
        var json = new Option<bool>("--json") { Description = "Write the summary as JSON on standard output (no progress)." };
        var stateDir = new Option<string?>("--state-dir") { Description = "Where resume state is kept. Default: $XDG_STATE_HOME/segsync or ~/.local/state/segsync.", HelpName = "dir" };
        var noResume = new Option<bool>("--no-resume") { Description = "Start a new import even if an earlier run of the same export was interrupted." };
        var retries = new Option<int>("--max-retries") { Description = "Retries of a call after a transient fault (network, timeout, 429, 5xx).", DefaultValueFactory = _ => 6, HelpName = "n" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds one call may take before it is retried.", DefaultValueFactory = _ => 120, HelpName = "seconds" };

        var command = new Command("push", "Send segment exports from Customer Insights - Data to SegmentSync (segsync_ImportSegment) over the Dataverse Web API.\n"
            + "Exit codes: 0 done (or skipped by rule), 1 command line or unexpected error, 2 unusable input (nothing sent), 3 refused by the service, "
            + "4 sign-in failed or not allowed, 5 service unavailable after retries (run again to resume).")
        {
            input, column, delimiter, manifest, segmentId, segmentName, segmentUrl, exportedOn, status, segments,
            batchSize, dryRun, allowEmpty, json, stateDir, noResume, retries, timeout,
        };
        foreach (var option in connection.All) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            try
            {
                var exportOptions = new ExportOptions
                {
                    Input = parse.GetValue(input)!,
                    ContactIdColumn = parse.GetValue(column)!,
                    Delimiter = Delimiter(parse.GetValue(delimiter)!),
                    ManifestPath = parse.GetValue(manifest),
                    SegmentId = parse.GetValue(segmentId),
                    SegmentName = parse.GetValue(segmentName),
                    SegmentUrl = parse.GetValue(segmentUrl),
                    ExportedOn = parse.GetValue(exportedOn) is { } text ? ParseTime(text) : null,
                    Status = parse.GetValue(status) is { } s ? Enum.Parse<SourceSegmentStatus>(s, ignoreCase: true) : null,
                    Segments = (parse.GetValue(segments) ?? Array.Empty<string>()).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList(),
                };
                var settings = connection.Resolve(parse);
                var pushOptions = new PushOptions
                {
                    BatchSize = parse.GetValue(batchSize),
                    DryRun = parse.GetValue(dryRun),
                    AllowEmpty = parse.GetValue(allowEmpty),
                    StateDirectory = parse.GetValue(noResume) ? null : parse.GetValue(stateDir) ?? ResumeStateStore.DefaultDirectory(),
                };
                var retry = new RetryOptions { MaxRetries = parse.GetValue(retries), AttemptTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))) };
                return await PushRunner.RunAsync(exportOptions, settings, pushOptions, retry, asJson, cancellationToken);
            }
            catch (Exception e) when (e is ExportFormatException or AuthenticationFailedException)
            {
                return PushRunner.Fail(asJson, e is ExportFormatException ? ExitCodes.InvalidInput : ExitCodes.AuthenticationFailed, e.Message, null);
            }
        });
        return command;
    }

    private static char Delimiter(string text) => text.ToLowerInvariant() switch
    {
        "tab" or "\\t" or "\t" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "pipe" => '|',
        { Length: 1 } => text[0],
        _ => throw new ExportFormatException($"--delimiter must be one character (or tab); got \"{text}\"."),
    };

    private static DateTime ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime
            : throw new ExportFormatException($"--exported-on \"{text}\" is not a date and time (use ISO 8601, e.g. 2026-12-04T06:00:00Z).");
}

/// <summary>Runs a push for the command line: progress, summary, exit code.</summary>
public static class PushRunner
{
    public static async Task<int> RunAsync(ExportOptions exportOptions, AuthSettings settings, PushOptions pushOptions, RetryOptions retry, bool asJson, CancellationToken cancellationToken)
    {
        var loaded = ExportLoader.Load(exportOptions);
        var interactive = !asJson && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var log = asJson ? (Action<string>)(_ => { }) : line => Console.Error.WriteLine("segsync: " + line);
        var tokens = MsalTokenProvider.Create(settings, message => Console.Error.WriteLine(message));
        using var client = new DataverseClient(settings.EnvironmentUrl, tokens, retry, log: interactive ? null : log);
        var results = new List<SegmentPushResult>();
        foreach (var (segment, reason) in loaded.Skipped)
        {
            results.Add(new SegmentPushResult(segment, "Skipped", reason, null, 0, 0, 0, 0, 0, TimeSpan.Zero, false, null));
            if (!asJson) Console.WriteLine($"Segment \"{segment.Id}\" ({segment.Name}): skipped, {reason}.");
        }

        try
        {
            foreach (var segment in loaded.ToPush)
            {
                var pusher = (IPushProgress progress) => new SegmentPusher(client, pushOptions, progress).PushAsync(segment, cancellationToken);
                SegmentPushResult result;
                if (interactive)
                {
                    result = await AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                        .StartAsync(async context => await pusher(new BarProgress(context.AddTask(Markup.Escape($"{segment.Info.Name} ({segment.Info.Id})"), maxValue: 1))));
                }
                else
                {
                    result = await pusher(asJson ? new SilentProgress() : new LineProgress());
                }

                results.Add(result);
                if (!asJson) PrintResult(result);
            }
        }
        catch (PushFailedException e)
        {
            var code = e.Cause.IsAuthentication ? ExitCodes.AuthenticationFailed : ExitCodes.Unavailable;
            return Fail(asJson, code, e.Message, e.ResumeHint, results);
        }
        catch (DataverseException e)
        {
            var code = e.IsAuthentication ? ExitCodes.AuthenticationFailed : e.IsTransient ? ExitCodes.Unavailable : ExitCodes.Refused;
            var hint = e.IsAuthentication
                ? "Check the sign-in settings and that the user or application user has the SegmentSync integration role."
                : e.IsTransient ? "Run the same command again later." : "Fix the cause named above; nothing more was sent for this segment.";
            return Fail(asJson, code, e.Message, hint, results);
        }

        if (asJson) Console.WriteLine(Json(results, ExitCodes.Success, null, null).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return ExitCodes.Success;
    }

    public static int Fail(bool asJson, int code, string message, string? hint, IReadOnlyList<SegmentPushResult>? results = null)
    {
        if (asJson)
        {
            Console.WriteLine(Json(results ?? Array.Empty<SegmentPushResult>(), code, message, hint).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            Console.Error.WriteLine($"segsync push: error: {message}");
            if (hint is not null) Console.Error.WriteLine($"segsync push: {hint}");
        }

        return code;
    }

    private static void PrintResult(SegmentPushResult r)
    {
        var name = $"Segment \"{r.Segment.Id}\" ({r.Segment.Name})";
        if (r.DryRun is { } d)
        {
            Console.WriteLine($"{name}: dry run, nothing changed. Would send {r.Batches} batch(es): received {d.Received}, matched {d.Matched}, ignored {d.Ignored}, added {d.Added?.ToString(CultureInfo.InvariantCulture) ?? "?"}, removed {d.Removed?.ToString(CultureInfo.InvariantCulture) ?? "?"}{(d.Note is null ? "" : $" ({d.Note})")}.");
            return;
        }

        var f = r.Final!;
        Console.WriteLine($"{name}: {f.Status}{(r.Reason is null ? "" : $" ({r.Reason})")} in {r.Duration.TotalSeconds:0.0} s. Received {f.MembersReceived}, matched {f.MembersMatched}, ignored {f.MembersIgnored}, added {f.MembersAdded}, removed {f.MembersRemoved}; {r.Batches} batch(es){(r.Resumed ? $", {r.BatchesSent} sent on resume" : "")}, {r.ApiCalls} API call(s); import {f.ImportId}, Journeys segment {f.SegmentId}.");
    }

    private static JsonObject Json(IReadOnlyList<SegmentPushResult> results, int exitCode, string? error, string? hint) => new()
    {
        ["exitCode"] = exitCode,
        ["error"] = error,
        ["hint"] = hint,
        ["segments"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Segment.Id,
            ["name"] = r.Segment.Name,
            ["outcome"] = r.Outcome,
            ["reason"] = r.Reason,
            ["importId"] = r.Final?.ImportId.ToString(),
            ["segmentId"] = r.Final?.SegmentId.ToString(),
            ["rows"] = r.Rows,
            ["emptyRows"] = r.EmptyRows,
            ["batches"] = r.Batches,
            ["batchesSent"] = r.BatchesSent,
            ["apiCalls"] = r.ApiCalls,
            ["resumed"] = r.Resumed,
            ["received"] = r.Final?.MembersReceived ?? r.DryRun?.Received,
            ["matched"] = r.Final?.MembersMatched ?? r.DryRun?.Matched,
            ["ignored"] = r.Final?.MembersIgnored ?? r.DryRun?.Ignored,
            ["added"] = r.Final?.MembersAdded ?? r.DryRun?.Added,
            ["removed"] = r.Final?.MembersRemoved ?? r.DryRun?.Removed,
            ["durationSeconds"] = Math.Round(r.Duration.TotalSeconds, 3),
        }).ToArray()),
    };

    private sealed class LineProgress : IPushProgress
    {
        public void Validated(Client.Export.SegmentInfo segment, long ids, int batches) => Console.WriteLine($"Segment \"{segment.Id}\": {ids} contact ids checked, {batches} batch(es) to send.");

        public void BatchSent(Client.Export.SegmentInfo segment, int batchNumber, int batchCount, ImportResult result) =>
            Console.WriteLine($"Segment \"{segment.Id}\": batch {batchNumber}/{batchCount} received ({result.Status}).");

        public void Applying(Client.Export.SegmentInfo segment, ImportResult result) => Console.WriteLine($"Segment \"{segment.Id}\": applying (added {result.MembersAdded}, removed {result.MembersRemoved} so far).");

        public void Note(string message) => Console.WriteLine(message);
    }

    private sealed class BarProgress(ProgressTask task) : IPushProgress
    {
        public void Validated(Client.Export.SegmentInfo segment, long ids, int batches)
        {
            task.MaxValue = batches + 1;
        }

        public void BatchSent(Client.Export.SegmentInfo segment, int batchNumber, int batchCount, ImportResult result) => task.Increment(1);

        public void Applying(Client.Export.SegmentInfo segment, ImportResult result) => task.Description = Markup.Escape($"{segment.Name}: applying");

        public void Note(string message) => AnsiConsole.MarkupLine(Markup.Escape(message));
    }
}
