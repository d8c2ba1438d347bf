namespace SegmentSync.Emulator;

/// <summary>What a fault predicate sees about a request about to run.</summary>
/// <param name="MessageName">The request name (Create, RetrieveMultiple, msdyncrm_IncludeMembersInSegment, ...).</param>
/// <param name="EntityName">The primary entity (Target's logical name, the query's entity), or null.</param>
/// <param name="Depth">1 for a caller outside Dataverse; plug-in calls are deeper.</param>
/// <param name="FromPlugin">True when a plug-in issued the request through its IOrganizationService.</param>
/// <param name="Sequence">1-based number of the request among all requests the emulator has seen.</param>
public sealed record RequestInfo(string MessageName, string? EntityName, int Depth, bool FromPlugin, long Sequence);
