using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Infrastructure;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>Chooses the segment model an external segment is mirrored into.</summary>
    public static class SegmentTargets
    {
        /// <summary>
        /// The setting decides (Outbound or RealTime). With Auto, a segment keeps the model it was created in, and a new
        /// one goes to real-time journeys where its tables exist (the current product), else to outbound marketing.
        /// </summary>
        public static ISegmentTarget Resolve(LocalPluginContext context, SegmentTargetOption? existing)
        {
            var choice = context.Configuration.SegmentTarget;
            var kind = choice == "Outbound" ? SegmentTargetOption.Outbound
                : choice == "RealTime" ? SegmentTargetOption.RealTime
                : existing ?? Detect(context.OrganizationService);
            context.Trace("Segment target: {0} (setting {1}).", kind, choice);
            return Create(kind, context.OrganizationService);
        }

        public static ISegmentTarget Create(SegmentTargetOption kind, IOrganizationService service) =>
            kind == SegmentTargetOption.RealTime ? (ISegmentTarget)new RealTimeJourneysTarget(service) : new OutboundMarketingTarget(service);

        private static SegmentTargetOption Detect(IOrganizationService service)
        {
            var models = SegmentModelCatalog.Read(service);
            if (models.HasRealTime)
            {
                return SegmentTargetOption.RealTime;
            }

            if (models.HasOutbound)
            {
                return SegmentTargetOption.Outbound;
            }

            throw new ImportValidationException("This environment has no Customer Insights - Journeys segment tables (msdynmkt_segmentdefinition or msdyncrm_segment). Install Customer Insights - Journeys, or set segsync_SegmentTarget.");
        }
    }
}
