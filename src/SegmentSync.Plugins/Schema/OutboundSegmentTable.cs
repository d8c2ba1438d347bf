namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Outbound-marketing segment table <c>msdyncrm_segment</c> and its member messages, as Microsoft documents them
    /// (see docs/ARCHITECTURE.md, "The Journeys model").
    /// </summary>
    public static class OutboundSegmentTable
    {
        public const string LogicalName = "msdyncrm_segment";

        /// <summary>The Web API entity set (callers outside Dataverse).</summary>
        public const string EntitySetName = "msdyncrm_segments";
        public const string PrimaryId = "msdyncrm_segmentid";
        public const string Name = "msdyncrm_segmentname";
        public const string SegmentType = "msdyncrm_segmenttype";
        public const string StatusCode = "statuscode";
        public const string StateCode = "statecode";
        public const string MemberIds = "msdyncrm_segmentmemberids";
        public const string ExternalSource = "msdyncrm_externalsource";
        public const string ExternalSegmentUrl = "msdyncrm_externalsegmenturl";
        public const string Description = "msdyncrm_description";
        public const string SegmentSize = "msdyncrm_segmentsize";
        public const string LastUpdatedTime = "msdyncrm_lastupdatedtime";

        public const int NameMaxLength = 100;
        public const int MemberIdsMaxLength = 1000000;
        public const int DescriptionMaxLength = 2000;
        public const int ExternalSegmentUrlMaxLength = 2000;

        public const int SegmentTypeStatic = 192350001;
        public const int StatusDraft = 192350000;
        public const int StatusLive = 192350001;
        public const int ExternalSourceCustomerInsights = 192350000;

        public const string IncludeMembersMessage = "msdyncrm_IncludeMembersInSegment";
        public const string ExcludeMembersMessage = "msdyncrm_ExcludeMembersFromSegment";
        public const string MessageSegmentIdParameter = "msdyncrm_segmentid";
        public const string MessageMemberIdsParameter = "msdyncrm_segmentmemberids";

        /// <summary>The one-member forms of the member messages (their member parameter is msdyncrm_segmentmemberid).</summary>
        public const string IncludeMemberMessage = "msdyncrm_IncludeMemberInSegment";
        public const string ExcludeMemberMessage = "msdyncrm_ExcludeMemberFromSegment";

        /// <summary>Documented limit of one member message's member-id string.</summary>
        public const int MemberIdsParameterMaxLength = 10000;
    }
}
