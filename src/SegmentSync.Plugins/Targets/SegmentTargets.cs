using SegmentSync.Plugins.Infrastructure;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>Chooses the segment model an environment uses.</summary>
    public static class SegmentTargets
    {
        /// <summary>Outbound marketing's msdyncrm_segment: the only target so far.</summary>
        public static ISegmentTarget For(LocalPluginContext context)
        {
            // Reading the configuration also sizes the call's budget before the apply starts spending it.
            _ = context.Configuration;
            return new OutboundMarketingTarget(context.OrganizationService);
        }
    }
}
