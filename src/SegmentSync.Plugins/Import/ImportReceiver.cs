using System;
using System.Globalization;
using System.Linq;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Infrastructure;
using SegmentSync.Plugins.Release;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Storage;

namespace SegmentSync.Plugins.Import
{
    /// <summary>
    /// Receives one call of an import: stages its batch and, when the last batch is in, hands over to the
    /// <see cref="ImportApplier"/>. Until then nothing outside SegmentSync's own tables changes, so a half-received
    /// export never touches a segment.
    /// </summary>
    public sealed class ImportReceiver
    {
        private readonly ImportServices _services;
        private readonly LocalPluginContext _context;

        public ImportReceiver(ImportServices services, LocalPluginContext context)
        {
            _services = services;
            _context = context;
        }

        public ImportResult Receive(ImportRequest request)
        {
            // A single-call import gets a fresh id: re-sending it is a new run that finds nothing to change.
            var importId = request.ImportId ?? Guid.NewGuid();
            var view = _services.Runs.LoadWithReceivedBatches(importId);
            var run = view.Run;
            ExternalSegmentState? external = null;
            var segmentLookedUp = false;

            if (run == null)
            {
                external = _services.ExternalSegments.FindByExternalId(request.ExternalSegmentId);
                segmentLookedUp = true;
                if (external != null && !external.IsManaged)
                {
                    throw new ImportValidationException(SegmentRelease.RefusalMessage(external));
                }

                run = NewRun(importId, request, external);
                if (IsOlderThanApplied(request, external))
                {
                    return RecordSkipped(run, external!);
                }

                _services.Runs.Create(run);
            }
            else
            {
                EnsureSameImport(run, request);
                if (run.Status != ImportRunStatusOption.Receiving)
                {
                    // A late or repeated batch: nothing to stage. An import still applying takes its next step.
                    return run.Status == ImportRunStatusOption.Applying
                        ? new ImportApplier(_services, _context).Apply(run, null, segmentLookedUp: false)
                        : ImportResult.From(run, view.Batches.Count);
                }
            }

            StageBatch(run, request, view);
            _context.Trace("Import {0}: batch {1} of {2} staged ({3} distinct ids, {4} duplicates collapsed); {5} received.",
                importId, request.BatchNumber, request.BatchCount, request.ContactIds.Count, request.ContactIds.Duplicates, view.Batches.Count);

            if (view.Batches.Count < run.BatchCount)
            {
                var receiving = ImportResult.From(run, view.Batches.Count);
                receiving.MembersReceived = view.Batches.Values.Sum();
                return receiving;
            }

            run.Status = ImportRunStatusOption.Applying;
            return new ImportApplier(_services, _context).Apply(run, external, segmentLookedUp);
        }

        private void StageBatch(ImportRunState run, ImportRequest request, ReceivedRunView view)
        {
            if (view.Batches.TryGetValue(request.BatchNumber, out var stagedCount))
            {
                if (stagedCount != request.ContactIds.Count)
                {
                    throw Refuse("Batch {0} of import {1} was already received with {2} distinct ids; this call has {3}. A retried batch must carry the same ids.",
                        request.BatchNumber, run.Id, stagedCount, request.ContactIds.Count);
                }

                return;
            }

            _services.Batches.CreateReceived(run.Id, request.BatchNumber, request.ContactIds.Ids);
            view.Batches[request.BatchNumber] = request.ContactIds.Count;
        }

        private static void EnsureSameImport(ImportRunState run, ImportRequest request)
        {
            if (run.IsRefresh)
            {
                throw Refuse("ImportId {0} is a refresh started with {1}; send an export with a new ImportId.", run.Id, SegmentRefreshApi.RefreshSegments);
            }

            if (!string.Equals(run.ExternalId, request.ExternalSegmentId, StringComparison.Ordinal))
            {
                throw Refuse("ImportId {0} belongs to the import of segment \"{1}\"; use a new ImportId for segment \"{2}\".",
                    run.Id, run.ExternalId, request.ExternalSegmentId);
            }

            if (run.BatchCount != request.BatchCount)
            {
                throw Refuse("BatchCount changed within import {0}: it was {1}, this call says {2}. Every batch of an import must carry the same BatchCount.",
                    run.Id, run.BatchCount, request.BatchCount);
            }

            if (run.ExportedOn != request.ExportedOnUtc)
            {
                throw Refuse("ExportedOn changed within import {0}: it was {1}, this call says {2}. Every batch of an import must carry the same ExportedOn.",
                    run.Id, RefreshDescription.Iso(run.ExportedOn), RefreshDescription.Iso(request.ExportedOnUtc));
            }
        }

        private static bool IsOlderThanApplied(ImportRequest request, ExternalSegmentState? external) =>
            ExportOrdering.Decide(request.ExportedOnUtc, external?.LastAppliedExportedOn, null) == OrderingDecision.SkipOlderThanApplied;

        private ImportResult RecordSkipped(ImportRunState run, ExternalSegmentState external)
        {
            run.Status = ImportRunStatusOption.Skipped;
            run.CompletedOn = _context.NowUtc;
            run.TargetSegmentId = external.TargetSegmentId;
            run.Message = "Skipped: an export from " + RefreshDescription.Iso(external.LastAppliedExportedOn!.Value) + " was already applied.";
            _services.Runs.Create(run);
            _context.Trace(run.Message);
            return ImportResult.From(run, 0);
        }

        private ImportRunState NewRun(Guid importId, ImportRequest request, ExternalSegmentState? external) => new ImportRunState
        {
            Id = importId,
            ExternalSegmentRecordId = external?.Id,
            ExternalId = request.ExternalSegmentId,
            SegmentName = request.SegmentName,
            Url = request.ExternalSegmentUrl,
            ExportedOn = request.ExportedOnUtc,
            BatchCount = request.BatchCount,
            Status = ImportRunStatusOption.Receiving,
            TargetSegmentId = external?.TargetSegmentId,
            StartedOn = _context.NowUtc,
            Trigger = ImportTriggerOption.Export,
            TriggeredBy = _context.ExecutionContext.InitiatingUserId,
        };

        private static ImportValidationException Refuse(string format, params object[] args) =>
            new ImportValidationException(string.Format(CultureInfo.InvariantCulture, format, args));
    }
}
