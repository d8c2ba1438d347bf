using System;
using System.Globalization;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Infrastructure;
using SegmentSync.Plugins.Schema;
using Api = SegmentSync.Plugins.Schema.SegmentImportApi;

namespace SegmentSync.Plugins.Import
{
    /// <summary>
    /// Custom API <c>segsync_ContinueSegmentImport</c>: the next bounded step of an import whose Status is Applying.
    /// Harmless on an import in any other state: it reports where the import stands.
    /// </summary>
    public sealed class ContinueSegmentImportPlugin : PluginBase
    {
        public ContinueSegmentImportPlugin()
        {
        }

        public ContinueSegmentImportPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var importId = InputReader.Get<Guid?>(context.ExecutionContext.InputParameters, Api.ImportId);
            if (importId == null || importId == Guid.Empty)
            {
                throw new ImportValidationException(Api.ImportId + " is required.");
            }

            var services = ImportServices.For(context);
            var view = services.Runs.LoadWithReceivedBatches(importId.Value);
            var run = view.Run ?? throw new ImportValidationException(string.Format(CultureInfo.InvariantCulture,
                "There is no import with {0} {1}. Start an import with {2}.", Api.ImportId, importId, Api.ImportSegment));

            var result = run.Status == ImportRunStatusOption.Applying
                ? new ImportApplier(services, context).Apply(run, null, segmentLookedUp: false)
                : ImportResult.From(run, view.Batches.Count);
            if (run.Status == ImportRunStatusOption.Receiving)
            {
                result.MembersReceived = 0;
            }

            RetryRecorder.From(context)?.Record(services, run.Id, Api.ContinueSegmentImport, null);

            ImportResponseWriter.Write(result, context.ExecutionContext.OutputParameters);
            context.Trace("Import {0}: {1}.", result.ImportId, result.Status);
        }
    }
}
