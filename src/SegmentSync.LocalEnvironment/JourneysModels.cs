namespace SegmentSync.LocalEnvironment;

/// <summary>Which Customer Insights - Journeys segment models an environment has.</summary>
[Flags]
public enum JourneysModels
{
    /// <summary>Outbound marketing's msdyncrm_segment (removed from the product in May 2026; tables remain where it was used).</summary>
    Outbound = 1,

    /// <summary>Real-time journeys' msdynmkt_segmentdefinition and msdynmkt_segment.</summary>
    RealTime = 2,

    Both = Outbound | RealTime,
}
