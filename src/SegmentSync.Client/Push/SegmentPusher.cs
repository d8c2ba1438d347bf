using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SegmentSync.Client.Export;
using SegmentSync.Client.Http;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Client.Push;

/// <summary>
/// Pushes one exported segment: checks the whole file first, then sends it in batches under one ImportId, then
/// continues the import while it is Applying. With a state directory, a re-run after a failure resumes the same
/// import; batches are idempotent, so one retried after a timeout (or sent again on resume) is harmless.
/// </summary>
public sealed class SegmentPusher(DataverseClient client, PushOptions options, IPushProgress? progress = null)
{
    private readonly IPushProgress _progress = progress ?? new SilentProgress();

    public async Task<SegmentPushResult> PushAsync(ExportedSegment segment, CancellationToken cancellationToken = default)
    {
        if (options.BatchSize is < 1 or > PushOptions.MaxBatchSize) throw new ArgumentOutOfRangeException(nameof(options), $"The batch size must be 1 to {PushOptions.MaxBatchSize}.");
        var watch = Stopwatch.StartNew();
        var info = segment.Info;
        if (options.DryRun) return await DryRunAsync(segment, watch, cancellationToken);

        var scan = ExportScan.Validate(segment.Source);
        CheckSize(segment, scan);
        var batchCount = (int)Math.Max(1, (scan.Ids + options.BatchSize - 1) / options.BatchSize);
        _progress.Validated(info, scan.Ids, batchCount);

        var statePath = options.StateDirectory is null ? null : new ResumeStateStore(options.StateDirectory).PathFor(client.EnvironmentUrl, info.Id, segment.Source.Fingerprint + "|" + options.BatchSize + "|" + info.ExportedOn.Ticks);
        var store = options.StateDirectory is null ? null : new ResumeStateStore(options.StateDirectory);
        var state = statePath is null ? null : store!.Load(statePath);
        var resumed = state is not null && state.BatchCount == batchCount && state.BatchSize == options.BatchSize;
        if (!resumed) state = new ResumeState { ImportId = Guid.NewGuid(), BatchSize = options.BatchSize, BatchCount = batchCount, ExportedOn = info.ExportedOn, StartedOn = DateTime.UtcNow };
        else _progress.Note($"Resuming import {state!.ImportId} of segment \"{info.Id}\": {state.Acknowledged.Count} of {batchCount} batches were already received.");

        var calls = 0;
        var sent = 0;
        ImportResult? result = null;
        try
        {
            foreach (var (number, ids) in ExportScan.Batches(segment.Source, options.BatchSize))
            {
                if (state!.Acknowledged.Contains(number)) continue;
                result = await client.ImportSegmentAsync(new ImportBatch(info.Id, info.Name, info.Url, info.ExportedOn, ids, state.ImportId, number, batchCount), cancellationToken);
                calls++;
                sent++;
                state.Acknowledged.Add(number);
                if (statePath is not null) store!.Save(statePath, state);
                _progress.BatchSent(info, number, batchCount, result);
            }

            if (result is null)
            {
                // everything was received before: ask where the import stands
                result = await client.ContinueAsync(state!.ImportId, cancellationToken);
                calls++;
            }

            while (result.IsApplying)
            {
                _progress.Applying(info, result);
                result = await client.ContinueAsync(result.ImportId, cancellationToken);
                calls++;
            }
        }
        catch (DataverseException e) when (e.IsTransient && statePath is not null)
        {
            throw new PushFailedException(
                $"Segment \"{info.Id}\": {e.Message}",
                e,
                $"{state!.Acknowledged.Count} of {batchCount} batches of import {state.ImportId} were received. Run the same command again to resume it (the state is in {statePath}).");
        }
        catch (DataverseException e) when (e.IsTransient)
        {
            throw new PushFailedException($"Segment \"{info.Id}\": {e.Message}", e, "Run the same command again later (a new import starts over; batches are idempotent).");
        }

        if (statePath is not null) ResumeStateStore.Delete(statePath);
        if (!result.IsDone)
            throw new InvalidOperationException($"Import {state!.ImportId} of segment \"{info.Id}\" ended as {result.Status}; the service did not receive all {batchCount} batches.");
        return new SegmentPushResult(info, result.Status, result.Status == "Skipped" ? "an export at least as recent was already applied, or is being applied" : null,
            result, scan.Rows, scan.EmptyRows, batchCount, sent, calls, watch.Elapsed, resumed, null);
    }

    private void CheckSize(ExportedSegment segment, ExportScan.Result scan)
    {
        if (scan.Ids == 0 && !options.AllowEmpty)
        {
            throw new ExportFormatException(scan.Rows == 0
                ? $"{segment.Source.Description} has no rows. An empty export would remove every member of the segment; pass --allow-empty if that is intended. Nothing was sent."
                : $"{segment.Source.Description} has {scan.Rows} row(s) but no contact id in them. Is --contact-id-column right? Pass --allow-empty to empty the segment. Nothing was sent.");
        }

        var batches = (scan.Ids + options.BatchSize - 1) / options.BatchSize;
        if (batches > PushOptions.MaxBatchCount)
        {
            throw new ExportFormatException($"{segment.Source.Description} has {scan.Ids} contact ids: {batches} batches of {options.BatchSize}, more than the {PushOptions.MaxBatchCount} one import takes. Use a larger --batch-size (up to {PushOptions.MaxBatchSize}).");
        }
    }

    /// <summary>Reads what the segment has and which contacts exist, and reports what a push would change. Writes nothing.</summary>
    private async Task<SegmentPushResult> DryRunAsync(ExportedSegment segment, Stopwatch watch, CancellationToken cancellationToken)
    {
        var info = segment.Info;
        var wanted = new HashSet<Guid>();
        var scan = ExportScan.Validate(segment.Source, id => wanted.Add(id));
        CheckSize(segment, scan);
        var calls = 0;
        var external = await client.GetAsync($"segsync_externalsegments?$select=segsync_targetsegmentid,segsync_target,segsync_lastappliedexportedon&$filter=segsync_externalid eq '{info.Id.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken: cancellationToken);
        calls++;
        var record = external["value"]?.AsArray().FirstOrDefault() as JsonObject;
        if (record?["segsync_lastappliedexportedon"]?.GetValue<string>() is { } last
            && DateTime.Parse(last, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) >= new DateTime(info.ExportedOn.Ticks - (info.ExportedOn.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc))
        {
            return new SegmentPushResult(info, "Skipped", $"an export of {last} was already applied; this one ({info.ExportedOn:yyyy-MM-ddTHH:mm:ssZ}) is not newer",
                null, scan.Rows, scan.EmptyRows, 0, 0, calls, watch.Elapsed, false, new DryRunReport(wanted.Count, 0, 0, 0, 0, "would be skipped"));
        }

        var matched = new HashSet<Guid>();
        foreach (var chunk in wanted.Chunk(100))
        {
            var filter = "contactid in (" + string.Join(",", chunk) + ")";
            await foreach (var row in client.QueryAsync("contacts?$select=contactid&$filter=" + Uri.EscapeDataString(filter), cancellationToken: cancellationToken))
            {
                if (Guid.TryParse(row["contactid"]?.GetValue<string>(), out var id)) matched.Add(id);
            }

            calls++;
        }

        int? added = null, removed = null;
        string? note = null;
        var target = record?["segsync_targetsegmentid"]?.GetValue<string>();
        if (target is null)
        {
            added = matched.Count;
            removed = 0;
            note = "the segment does not exist yet: it would be created in Draft";
        }
        else
        {
            var model = record?["segsync_target"]?.GetValue<int>() == (int)SegmentTargetOption.RealTime ? SegmentTargetOption.RealTime : SegmentTargetOption.Outbound;
            var (current, reason, reads) = await new CurrentMembersReader(client).ReadAsync(Guid.Parse(target), model, cancellationToken);
            calls += reads;
            note = reason;
            if (current is not null)
            {
                added = matched.Count(id => !current.Contains(id));
                removed = current.Count(id => !matched.Contains(id));
            }
        }

        return new SegmentPushResult(info, "DryRun", note, null, scan.Rows, scan.EmptyRows, (int)Math.Max(1, (scan.Ids + options.BatchSize - 1) / options.BatchSize), 0, calls, watch.Elapsed, false,
            new DryRunReport(wanted.Count, matched.Count, wanted.Count - matched.Count, added, removed, note));
    }
}
