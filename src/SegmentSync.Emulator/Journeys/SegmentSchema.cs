namespace SegmentSync.Emulator.Journeys;

/// <summary>
/// msdyncrm_segment as Microsoft documents it (entity reference for msdyncrm_segment; "Basic operations on
/// segments using API in outbound marketing"): names, limits and option values.
/// </summary>
public static class SegmentSchema
{
    public const string LogicalName = "msdyncrm_segment";
    public const string PrimaryId = "msdyncrm_segmentid";
    public const string EntitySetName = "msdyncrm_segments";
    public const string Name = "msdyncrm_segmentname";
    public const string SegmentType = "msdyncrm_segmenttype";
    public const string MemberIds = "msdyncrm_segmentmemberids";
    public const string ExternalSource = "msdyncrm_externalsource";
    public const string ExternalSegmentUrl = "msdyncrm_externalsegmenturl";
    public const string Description = "msdyncrm_description";
    public const string SegmentSize = "msdyncrm_segmentsize";
    public const string LastUpdatedTime = "msdyncrm_lastupdatedtime";
    public const string LastEvaluationTime = "msdyncrm_lastevaluationtime";
    public const string IsLive = "msdyncrm_islive";
    public const string SegmentQuery = "msdyncrm_segmentquery";

    public const int NameMaxLength = 100;
    public const int MemberIdsMaxLength = 1_000_000;
    public const int ExternalSegmentUrlMaxLength = 2000;
    public const int DescriptionMaxLength = 2000;
    public const int SegmentQueryMaxLength = 4000;

    public const int TypeDynamic = 192350000;
    public const int TypeStatic = 192350001;
    public const int TypeCompound = 192350002;

    public const int ExternalSourceCustomerInsights = 192350000;

    public const int StateActive = 0;
    public const int StateInactive = 1;

    public const int StatusDraft = 192350000;
    public const int StatusLive = 192350001;
    public const int StatusStopped = 192350002;
    public const int StatusLiveEditable = 192350003;
    public const int StatusExpired = 192350004;
    public const int StatusError = 192350005;
    public const int StatusGoingLive = 192350006;
    public const int StatusStopping = 192350007;

    public const string IncludeMembersMessage = "msdyncrm_IncludeMembersInSegment";
    public const string ExcludeMembersMessage = "msdyncrm_ExcludeMembersFromSegment";
    public const string IncludeMemberMessage = "msdyncrm_IncludeMemberInSegment";
    public const string ExcludeMemberMessage = "msdyncrm_ExcludeMemberFromSegment";
    public const string SegmentIdParameter = "msdyncrm_segmentid";
    public const string MemberIdsParameter = "msdyncrm_segmentmemberids";
    public const string MemberIdParameter = "msdyncrm_segmentmemberid";

    /// <summary>The documented limit of one member message's member-id string.</summary>
    public const int MemberIdsParameterMaxLength = 10_000;
}
