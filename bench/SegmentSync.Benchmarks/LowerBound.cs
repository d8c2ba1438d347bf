using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Benchmarks;

/// <summary>The terms of the lower bound of one import (see docs/PERFORMANCE.md, "The lower bound").</summary>
public sealed record LowerBoundTerms(long Receive, long ReadBack, long ListCurrent, long Checks, long Includes, long Excludes, long SegmentWrites)
{
    public long Total => Receive + ReadBack + ListCurrent + Checks + Includes + Excludes + SegmentWrites;

    public static LowerBoundTerms operator +(LowerBoundTerms a, LowerBoundTerms b) => new(
        a.Receive + b.Receive, a.ReadBack + b.ReadBack, a.ListCurrent + b.ListCurrent, a.Checks + b.Checks, a.Includes + b.Includes,
        a.Excludes + b.Excludes, a.SegmentWrites + b.SegmentWrites);

    public static LowerBoundTerms Zero => new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The fewest Dataverse requests any receiver needs for an import, from the documented limits (derivation in
/// docs/PERFORMANCE.md):
/// <list type="bullet">
/// <item>receive: a Custom API call carries at most 10,000 ids; a stateless receiver reads what it has (1) and persists
/// what it got (1) in each call; with several batches the applying call reads the staged ids back (1 page);</item>
/// <item>current membership: outbound lists it in msdyncrm_segmentmemberids while it fits (read with the state, 0
/// extra) and otherwise has no way to list it (SegmentSync's staged snapshot is read with the batches, 0 extra);
/// real-time lists it with msdynmkt_ListGroupMembers, at most 5,000 ids a page (assumed: the emulator's maximum);</item>
/// <item>existence: a query returns at most 5,000 rows, so checking n ids takes ceil(n / 5,000) queries; every id
/// sent in an include must be checked, and for outbound also every id in an exclude unless the membership was just
/// read from the segment (one unknown id rejects a member message; real-time removes accept any id);</item>
/// <item>membership: outbound 256 ids a request (10,000 characters: 36 + quotes + comma each, no "crm" prefix),
/// real-time 1,000 ids a request;</item>
/// <item>segment writes: outbound 1 (the General tab's description and size, or the create of a new segment with all
/// its fields); real-time 2 to create a segment (definition with its groups declared, and its segment record) and
/// 0 to refresh one (its refresh line lives on SegmentSync's own record, written with the state).</item>
/// </list>
/// </summary>
public static class LowerBound
{
    public const int RowsPerPage = Limits.QueryPageSize;

    /// <summary>Real-time: ids a ListGroupMembers page returns at most (assumed; the documentation gives none).</summary>
    public const int ListPageSize = RealTimeSegmentTables.ListPageSize;

    /// <summary>256: ids without the optional "crm" prefix within the 10,000-character member-id parameter.</summary>
    public static int OutboundIdsPerRequest => MemberIdListCodec.MaxIdsWithin(OutboundSegmentTable.MemberIdsParameterMaxLength, withPrefix: false);

    public static int IdsPerRequest(SegmentTargetOption target) => target == SegmentTargetOption.RealTime ? RealTimeSegmentTables.IdsPerRequest : OutboundIdsPerRequest;

    public static LowerBoundTerms For(ImportSpec import)
    {
        var realTime = import.Target == SegmentTargetOption.RealTime;
        var batches = import.Batches;
        var removesToCheck = realTime || import.MembershipReadable ? 0 : import.Removes.Count;
        var perRequest = IdsPerRequest(import.Target);
        return new LowerBoundTerms(
            Receive: 2L * batches,
            ReadBack: batches > 1 ? 1 : 0,
            ListCurrent: realTime && !import.SegmentIsNew ? Math.Max(1, Ceiling(import.Current.Count, ListPageSize)) : 0,
            Checks: Ceiling(import.AddCandidates.Count + removesToCheck, RowsPerPage),
            Includes: Ceiling(import.AddsExisting, perRequest),
            Excludes: Ceiling(import.Removes.Count, perRequest),
            SegmentWrites: realTime ? (import.SegmentIsNew ? 2 : 0) : 1);
    }

    public static LowerBoundTerms For(Scenario scenario) => scenario.Imports.Aggregate(LowerBoundTerms.Zero, (sum, i) => sum + For(i));

    public static long Ceiling(long value, long divisor) => (value + divisor - 1) / divisor;
}
