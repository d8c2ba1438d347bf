using System;
using SegmentSync.Plugins.Infrastructure;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;

namespace SegmentSync.Plugins.Refresh
{
    /// <summary>
    /// Custom API <c>segsync_RefreshSegments</c>: re-applies the last export SegmentSync received, to one segment or to
    /// every segment it manages, as import runs marked Refresh. Validates everything before reading or writing anything.
    /// </summary>
    public sealed class RefreshSegmentsPlugin : PluginBase
    {
        public RefreshSegmentsPlugin()
        {
        }

        public RefreshSegmentsPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var input = context.ExecutionContext.InputParameters;
            var request = RefreshRequest.Validate(
                InputReader.Get<string>(input, Api.ExternalSegmentId),
                InputReader.Get<DateTime?>(input, Api.RefreshStartedOn),
                context.NowUtc);
            var result = new SegmentRefresher(context).Refresh(request);
            result.WriteTo(context.ExecutionContext.OutputParameters);
            context.Trace("Refresh started {0}: {1}; {2} refreshed, {3} skipped, {4} run(s) to continue, {5} segment(s) not started yet.",
                Domain.RefreshDescription.Iso(result.RefreshStartedOn), result.Status, result.SegmentsRefreshed, result.SegmentsSkipped, result.ImportIds.Count, result.SegmentsNotStarted);
        }
    }
}
