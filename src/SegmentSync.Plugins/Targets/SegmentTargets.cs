using Microsoft.Xrm.Sdk;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>Chooses the segment model an environment uses.</summary>
    public static class SegmentTargets
    {
        /// <summary>Outbound marketing's msdyncrm_segment: the only target so far.</summary>
        public static ISegmentTarget For(IOrganizationService service) => new OutboundMarketingTarget(service);
    }
}
