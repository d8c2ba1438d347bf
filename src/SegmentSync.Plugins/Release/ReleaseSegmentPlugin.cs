using System.Globalization;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Infrastructure;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Storage;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;

namespace SegmentSync.Plugins.Release
{
    /// <summary>
    /// Custom API <c>segsync_ReleaseSegment</c>: SegmentSync stops managing a segment. The Journeys segment keeps its
    /// members and fields; the external segment record becomes inactive with status reason Released (who and when are
    /// recorded); later exports and refreshes of it are refused until an admin activates the record again (re-links
    /// it). The run history stays. Releasing a released segment changes nothing and answers Released again.
    /// </summary>
    public sealed class ReleaseSegmentPlugin : PluginBase
    {
        public ReleaseSegmentPlugin()
        {
        }

        public ReleaseSegmentPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var externalId = InputReader.Get<string>(context.ExecutionContext.InputParameters, Api.ExternalSegmentId);
            if (string.IsNullOrWhiteSpace(externalId))
            {
                throw new ImportValidationException(Api.ExternalSegmentId + " is required and must not be blank.");
            }

            var service = context.OrganizationService;
            var externals = new ExternalSegmentStore(service);
            var segment = externals.FindByExternalId(externalId!.Trim()) ?? throw Refuse(
                "SegmentSync manages no segment with {0} \"{1}\". Nothing was changed.", Api.ExternalSegmentId, externalId);

            if (segment.IsManaged)
            {
                Release(context, externals, segment);
            }
            else
            {
                context.Trace("Segment {0} is already released; nothing to do.", segment.ExternalId);
            }

            var output = context.ExecutionContext.OutputParameters;
            output[Api.SegmentId] = segment.TargetSegmentId ?? System.Guid.Empty;
            output[Api.Status] = Api.Released;
            output[Api.ReleasedOn] = segment.ReleasedOn ?? context.NowUtc;
        }

        private static void Release(LocalPluginContext context, ExternalSegmentStore externals, ExternalSegmentState segment)
        {
            var runs = new ImportRunStore(context.OrganizationService);
            var unfinished = new RefreshQueries(context.OrganizationService).UnfinishedRuns(segment.ExternalId);

            // An import that has started changing the segment must finish first, or the segment would keep half of it.
            var changing = unfinished.Find(r => r.Status == ImportRunStatusOption.Applying && (r.Id == segment.ActiveImportId || r.IsPlanned));
            if (changing != null)
            {
                throw Refuse(
                    "Import {0} of segment \"{1}\" is being applied. Continue it with {2} until it is Applied, then release the segment. Nothing was changed.",
                    changing.Id, segment.ExternalId, SegmentImportApi.ContinueSegmentImport);
            }

            var now = context.NowUtc;
            foreach (var run in unfinished)
            {
                // Still receiving batches, or a refresh not started: none has touched the segment.
                run.Status = ImportRunStatusOption.Skipped;
                run.CompletedOn = now;
                run.Message = "Skipped: the segment was released on " + RefreshDescription.Iso(now) + ".";
                runs.Update(run);
            }

            externals.Release(segment, now, context.ExecutionContext.InitiatingUserId);
            context.Trace("Released segment {0} (Journeys segment {1}); {2} unfinished run(s) skipped.", segment.ExternalId, segment.TargetSegmentId?.ToString("D") ?? "none", unfinished.Count);
        }

        private static ImportValidationException Refuse(string format, params object[] args) =>
            new ImportValidationException(string.Format(CultureInfo.InvariantCulture, format, args));
    }
}
