using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Import;
using SegmentSync.Plugins.Infrastructure;
using SegmentSync.Plugins.Release;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Storage;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;

namespace SegmentSync.Plugins.Refresh
{
    /// <summary>
    /// Runs one call of a refresh. A refresh of a segment is an import run (Trigger Refresh) whose received ids are
    /// those of the import the segment's snapshot was built from, dated like the export last applied: the
    /// <see cref="ImportApplier"/> applies it like a re-sent export, so contacts created since the export join, manual
    /// edits are overwritten, and a newer import being applied wins (the refresh is then Skipped).
    /// </summary>
    /// <remarks>
    /// Bounded work: a call starts at most <see cref="Limits.RefreshRunsPerCall"/> runs (fewer on a small budget), then
    /// applies as many as its request budget allows. It answers Applying while a run is unfinished or a segment is not
    /// started; the caller continues each of ImportIds with segsync_ContinueSegmentImport, or calls again with the
    /// RefreshStartedOn it got back, which continues the refresh's runs and starts the next segments, skipping those
    /// refreshed (or given a newer export) since the refresh started.
    /// </remarks>
    public sealed class SegmentRefresher
    {
        private readonly LocalPluginContext _context;

        public SegmentRefresher(LocalPluginContext context) => _context = context;

        private WorkBudget Budget => _context.Budget;

        public RefreshResult Refresh(RefreshRequest request)
        {
            // Reading the settings sets this call's request budget.
            _ = _context.Configuration;
            var service = _context.OrganizationService;
            var queries = new RefreshQueries(service);
            var runStore = new ImportRunStore(service);
            var now = RefreshRequest.WholeSeconds(_context.NowUtc);
            var startedOn = request.RefreshStartedOn ?? now;
            var result = new RefreshResult { RefreshStartedOn = startedOn };

            var scope = request.ExternalSegmentId == null
                ? queries.ManagedSegments()
                : new List<ExternalSegmentState> { Refreshable(new ExternalSegmentStore(service), request.ExternalSegmentId) };
            var existingRuns = queries.RefreshRuns(request.RefreshStartedOn, request.ExternalSegmentId).ToLookup(r => r.ExternalId, StringComparer.Ordinal);

            var work = new List<Work>();
            var pending = new List<Work>();
            foreach (var segment in scope)
            {
                var runs = existingRuns[segment.ExternalId].ToList();
                var ofThisRefresh = request.RefreshStartedOn.HasValue ? runs.Where(r => r.StartedOn >= startedOn).ToList() : new List<ImportRunState>();
                if (ofThisRefresh.Count > 0)
                {
                    work.Add(new Work(segment, ofThisRefresh[ofThisRefresh.Count - 1], started: false));
                }
                else if (!(request.RefreshStartedOn.HasValue && segment.LastAppliedOn > startedOn))
                {
                    // Not refreshed yet in this refresh, and no import applied since it started (times are whole
                    // seconds: one applied in the second the refresh started may be older, so it is refreshed again).
                    var candidate = new Work(segment, null, started: true);
                    candidate.Orphans.AddRange(runs.Where(r => r.Status == ImportRunStatusOption.Applying && r.Id != segment.ActiveImportId));
                    pending.Add(candidate);
                }
            }

            var startedCount = Start(pending, runStore, queries, now);
            work.AddRange(pending.Take(startedCount));
            work.Sort((a, b) => string.CompareOrdinal(a.Segment.ExternalId, b.Segment.ExternalId));
            result.SegmentsNotStarted = pending.Count - startedCount;

            foreach (var item in work.Where(w => w.Run!.Status == ImportRunStatusOption.Applying))
            {
                if (!Budget.CanSpend(EstimatedApplyCost(item), Limits.FinalizeReserve))
                {
                    _context.Trace("Budget used: {0} of {1}; the remaining runs are continued by the next call.", Budget.Spent, Budget.Limit);
                    break;
                }

                // Services per run: each resolves its own segment's target.
                new ImportApplier(ImportServices.For(_context), _context).Apply(item.Run!, item.Segment, segmentLookedUp: true);
            }

            Summarize(work, result);
            return result;
        }

        /// <summary>The segment a one-segment refresh names, if SegmentSync manages it and has applied an import to it.</summary>
        private static ExternalSegmentState Refreshable(ExternalSegmentStore store, string externalId)
        {
            var segment = store.FindByExternalId(externalId) ?? throw Refuse(
                "SegmentSync manages no segment with {0} \"{1}\": only segments whose export SegmentSync received can be refreshed. Nothing was changed.",
                Api.ExternalSegmentId, externalId);
            if (!segment.IsManaged)
            {
                throw new ImportValidationException(SegmentRelease.RefusalMessage(segment));
            }

            if (!segment.SnapshotImportId.HasValue)
            {
                throw Refuse("No export of segment \"{0}\" has been applied yet, so there is nothing to refresh. Nothing was changed.", externalId);
            }

            return segment;
        }

        /// <summary>
        /// Creates the refresh runs of as many pending segments as this call may start (at most
        /// <see cref="Limits.RefreshRunsPerCall"/>, and half of what is left of the budget, so that some can be applied
        /// too). Returns how many were started, in order.
        /// </summary>
        private int Start(List<Work> pending, ImportRunStore runStore, RefreshQueries queries, DateTime now)
        {
            if (pending.Count == 0)
            {
                return 0;
            }

            var page = pending.Take(Limits.RefreshRunsPerCall).ToList();
            // The snapshots, and the imports whose received batches they re-apply: a refresh re-applies its source's ids.
            var snapshots = queries.Runs(page.Select(w => w.Segment.SnapshotImportId!.Value));
            var sourceIds = snapshots.Values.Where(s => s.SourceImportId.HasValue && !snapshots.ContainsKey(s.SourceImportId.Value)).Select(s => s.SourceImportId!.Value).ToList();
            var sources = sourceIds.Count > 0 ? queries.Runs(sourceIds) : new Dictionary<Guid, ImportRunState>();
            foreach (var pair in snapshots)
            {
                sources[pair.Key] = pair.Value;
            }

            // Starting a run costs a request; at most half of what is left goes to starting, the rest to applying.
            var maxStarts = Math.Max(1, (Budget.Remaining - Limits.FinalizeReserve) / 2);
            var started = 0;
            foreach (var item in page)
            {
                if (started >= maxStarts || !Budget.CanSpend(1 + item.Orphans.Count, Limits.FinalizeReserve))
                {
                    break;
                }

                sources.TryGetValue(item.Segment.SnapshotImportId!.Value, out var snapshot);
                var sourceId = snapshot?.ReceivedFrom;
                var source = sourceId.HasValue && sources.TryGetValue(sourceId.Value, out var found) ? found : null;
                item.Run = NewRun(item.Segment, source, now);
                if (source == null)
                {
                    // Without the import that holds the ids, re-applying could only empty the segment: refuse for this one.
                    item.Run.Status = ImportRunStatusOption.Skipped;
                    item.Run.CompletedOn = now;
                    item.Run.Message = string.Format(CultureInfo.InvariantCulture,
                        "Skipped: the import last applied ({0}) is no longer in the run history, so there is nothing to re-apply. Send the export again.",
                        item.Segment.SnapshotImportId);
                }

                runStore.Create(item.Run);
                foreach (var orphan in item.Orphans)
                {
                    // An earlier refresh that never started changing the segment: this one takes its place.
                    orphan.Status = ImportRunStatusOption.Superseded;
                    orphan.CompletedOn = now;
                    orphan.Message = "Superseded by the refresh " + item.Run.Id.ToString("D") + ".";
                    runStore.Update(orphan);
                }

                started++;
            }

            return started;
        }

        private ImportRunState NewRun(ExternalSegmentState segment, ImportRunState? source, DateTime now) => new ImportRunState
        {
            Id = Guid.NewGuid(),
            ExternalSegmentRecordId = segment.Id,
            ExternalId = segment.ExternalId,
            SegmentName = segment.Name,
            Url = segment.Url,
            // Dated like the export last applied: ordering treats the refresh as a re-send of it.
            ExportedOn = segment.LastAppliedExportedOn ?? source?.ExportedOn ?? now,
            BatchCount = Math.Max(1, source?.BatchCount ?? 1),
            Status = ImportRunStatusOption.Applying,
            Target = segment.Target,
            TargetSegmentId = segment.TargetSegmentId,
            StartedOn = now,
            Trigger = ImportTriggerOption.Refresh,
            SourceImportId = source?.Id,
            TriggeredBy = _context.ExecutionContext.InitiatingUserId,
            Message = "Refresh: re-applies the export of " + RefreshDescription.Iso(segment.LastAppliedExportedOn ?? now) + ".",
        };

        /// <summary>A cautious estimate of the requests applying a run's next step takes before it checks the budget itself.</summary>
        private static int EstimatedApplyCost(Work item)
        {
            var batches = Math.Max(1, item.Run!.BatchCount);
            var members = Math.Max(item.Segment.MemberCount, item.Run.MembersReceived);
            return 14 + 2 * Ceiling(batches, Limits.StagedBatchPageSize) + 2 * Ceiling(members, Limits.ExistenceCheckChunk);
        }

        private static int Ceiling(int value, int size) => (value + size - 1) / size;

        private static void Summarize(List<Work> work, RefreshResult result)
        {
            foreach (var item in work)
            {
                var run = item.Run!;
                if (item.Started || run.Status == ImportRunStatusOption.Applying)
                {
                    result.ImportIds.Add(run.Id);
                }

                if (run.Status == ImportRunStatusOption.Applied)
                {
                    result.SegmentsRefreshed++;
                }
                else if (run.Status == ImportRunStatusOption.Skipped || run.Status == ImportRunStatusOption.Superseded)
                {
                    result.SegmentsSkipped++;
                }

                if (run.Status == ImportRunStatusOption.Applied || run.Status == ImportRunStatusOption.Applying)
                {
                    result.MembersAdded += run.MembersAdded;
                    result.MembersRemoved += run.MembersRemoved;
                    result.MembersIgnored += run.MembersIgnored;
                }
            }

            result.Status = result.SegmentsNotStarted > 0 || work.Any(w => w.Run!.Status == ImportRunStatusOption.Applying) ? Api.Applying : Api.Applied;
        }

        private static ImportValidationException Refuse(string format, params object[] args) =>
            new ImportValidationException(string.Format(CultureInfo.InvariantCulture, format, args));

        /// <summary>One segment of the refresh and its run (null until started).</summary>
        private sealed class Work
        {
            public Work(ExternalSegmentState segment, ImportRunState? run, bool started)
            {
                Segment = segment;
                Run = run;
                Started = started;
            }

            public ExternalSegmentState Segment { get; }
            public ImportRunState? Run { get; set; }

            /// <summary>Started by this call (else continued from an earlier call of the refresh).</summary>
            public bool Started { get; }

            /// <summary>Unfinished refresh runs of earlier refreshes that never started changing the segment.</summary>
            public List<ImportRunState> Orphans { get; } = new List<ImportRunState>();
        }
    }
}
