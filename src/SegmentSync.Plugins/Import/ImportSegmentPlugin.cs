using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Infrastructure;
using Api = SegmentSync.Plugins.Schema.SegmentImportApi;

namespace SegmentSync.Plugins.Import
{
    /// <summary>
    /// Custom API <c>segsync_ImportSegment</c>: receives a segment export (whole, or one batch) and makes the Journeys
    /// segment mirror it. Validates everything before reading or writing anything.
    /// </summary>
    public sealed class ImportSegmentPlugin : PluginBase
    {
        public ImportSegmentPlugin()
        {
        }

        public ImportSegmentPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var request = ImportRequestValidator.Validate(ReadInput(context.ExecutionContext.InputParameters), context.NowUtc);
            context.Trace("Import of external segment {0}: batch {1}/{2}, {3} ids, exported {4}.",
                request.ExternalSegmentId, request.BatchNumber, request.BatchCount, request.ContactIds.Count, RefreshDescription.Iso(request.ExportedOnUtc));

            var services = ImportServices.For(context);
            var retry = RetryRecorder.From(context);
            var earlierReceived = retry != null && request.ImportId.HasValue
                ? services.Runs.LoadWithReceivedBatches(request.ImportId.Value).Batches.ContainsKey(request.BatchNumber)
                : (bool?)null;
            var result = new ImportReceiver(services, context).Receive(request);
            retry?.Record(services, result.ImportId,
                request.ImportId.HasValue ? string.Format(System.Globalization.CultureInfo.InvariantCulture, "batch {0} of {1}", request.BatchNumber, request.BatchCount) : "the single-call import",
                earlierReceived);
            ImportResponseWriter.Write(result, context.ExecutionContext.OutputParameters);
            context.Trace("Import {0}: {1}.", result.ImportId, result.Status);
        }

        private static ImportRequestInput ReadInput(ParameterCollection input) => new ImportRequestInput
        {
            ExternalSegmentId = InputReader.Get<string>(input, Api.ExternalSegmentId),
            SegmentName = InputReader.Get<string>(input, Api.SegmentName),
            ExternalSegmentUrl = InputReader.Get<string>(input, Api.ExternalSegmentUrl),
            ExportedOn = InputReader.Get<DateTime?>(input, Api.ExportedOn),
            ContactIds = InputReader.Get<string[]>(input, Api.ContactIds)?.ToList(),
            ImportId = InputReader.Get<Guid?>(input, Api.ImportId),
            BatchNumber = InputReader.Get<int?>(input, Api.BatchNumber),
            BatchCount = InputReader.Get<int?>(input, Api.BatchCount),
        };
    }
}
