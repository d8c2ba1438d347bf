namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Real-time journeys segments (msdynmkt_segmentdefinition and msdynmkt_segment) and their static-member
    /// messages, as Microsoft documents them ("Create a Customer Insights - Journeys segment using the Web API").
    /// </summary>
    public static class RealTimeSegmentTables
    {
        public const string Definition = "msdynmkt_segmentdefinition";

        /// <summary>The Web API entity set of <see cref="Definition"/> (callers outside Dataverse).</summary>
        public const string DefinitionEntitySet = "msdynmkt_segmentdefinitions";
        public const string DefinitionId = "msdynmkt_segmentdefinitionid";

        /// <summary>The definition's name column (assumed: the documentation names the segment's display name only).</summary>
        public const string DefinitionName = "msdynmkt_name";
        public const string StaticListMembers = "msdynmkt_staticlistmembers";
        public const string SegmentQuery = "msdynmkt_segmentquery";
        public const string StatusCode = "statuscode";
        public const int DefinitionStatusLive = 723270000;
        public const int DefinitionStatusDraft = 723270001;

        public const string Segment = "msdynmkt_segment";
        public const string SegmentId = "msdynmkt_segmentid";
        public const string DisplayName = "msdynmkt_displayname";
        public const string Type = "msdynmkt_type";
        public const string Source = "msdynmkt_source";
        public const string BaseEntity = "msdynmkt_baseentitylogicalname";
        public const string SourceSegmentUid = "msdynmkt_sourcesegmentuid";
        public const int TypeStatic = 10;
        public const int SourceJourneys = 12;

        public const string AddStaticMembers = "msdynmkt_AddStaticMembers";
        public const string RemoveStaticMembers = "msdynmkt_RemoveStaticMembers";
        public const string ListGroupMembers = "msdynmkt_ListGroupMembers";
        public const string PublishSegmentDefinition = "msdynmkt_PublishSegmentDefinition";
        public const string SegmentIdParameter = "SegmentId";
        public const string GroupIdParameter = "GroupId";
        public const string EntityIdsParameter = "EntityIds";
        public const string PageNoParameter = "PageNo";
        public const string PageSizeParameter = "PageSize";
        public const string ResponseParameter = "Response";

        /// <summary>Documented limits: ids per add/remove request, ids per static group, groups per definition.</summary>
        public const int IdsPerRequest = 1000;
        public const int GroupCapacity = 200000;
        public const int MaxGroups = 10;

        /// <summary>Ids SegmentSync asks for per ListGroupMembers page (the documentation gives no maximum).</summary>
        public const int ListPageSize = 5000;
    }
}
