namespace SegmentSync.Emulator.Journeys;

/// <summary>Names, values and limits of real-time journeys segments ("Create a Customer Insights - Journeys segment using the Web API").</summary>
public static class RealTimeSchema
{
    public const string Definition = "msdynmkt_segmentdefinition";
    public const string DefinitionId = "msdynmkt_segmentdefinitionid";
    public const string DefinitionSet = "msdynmkt_segmentdefinitions";
    public const string DefinitionName = "msdynmkt_name";
    public const string StaticListMembers = "msdynmkt_staticlistmembers";
    public const string SegmentQuery = "msdynmkt_segmentquery";
    public const string DisableRefresh = "msdynmkt_disablesegmentrefresh";
    public const string RefreshInterval = "msdynmkt_segmentrefreshintervalminutes";
    public const string SourceCreatedOn = "msdynmkt_sourcesegmentcreatedon";
    public const string SourceCreatedBy = "msdynmkt_sourcesegmentcreatedby";
    public const int StatusLive = 723270000;
    public const int StatusDraft = 723270001;
    public const int StatusGoingLive = 723270002;
    public const int StatusDeleted = 723270003;

    public const string Segment = "msdynmkt_segment";
    public const string SegmentId = "msdynmkt_segmentid";
    public const string SegmentSet = "msdynmkt_segments";
    public const string DisplayName = "msdynmkt_displayname";
    public const string Type = "msdynmkt_type";
    public const string Source = "msdynmkt_source";
    public const string BaseEntity = "msdynmkt_baseentitylogicalname";
    public const string SourceSegmentUid = "msdynmkt_sourcesegmentuid";
    public const int TypeStatic = 10;
    public const int TypeDynamic = 11;
    public const int SourceJourneys = 12;

    public const string AddStaticMembers = "msdynmkt_AddStaticMembers";
    public const string RemoveStaticMembers = "msdynmkt_RemoveStaticMembers";
    public const string ListGroupMembers = "msdynmkt_ListGroupMembers";
    public const string PublishSegmentDefinition = "msdynmkt_PublishSegmentDefinition";

    public const int IdsPerRequest = 1000;
    public const int GroupCapacity = 200000;
    public const int MaxGroups = 10;

    /// <summary>Largest ListGroupMembers page the emulator serves (assumed; the documentation gives none).</summary>
    public const int MaxPageSize = 5000;
}
