using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// A query's PageInfo, checked against Dataverse's limits (at most 5,000 per page; TopCount and paging exclude each
/// other), and applied to the ordered results.
/// </summary>
internal sealed class PageRequest
{
    private PageRequest(int count, int number, string? cookie, bool returnTotal)
    {
        Count = count;
        Number = number;
        Cookie = cookie;
        ReturnTotal = returnTotal;
    }

    public int Count { get; }

    public int Number { get; }

    public string? Cookie { get; }

    public bool ReturnTotal { get; }

    public static PageRequest From(QueryExpression query)
    {
        var info = query.PageInfo ?? new PagingInfo();
        var paged = info.Count > 0 || info.PageNumber > 1 || !string.IsNullOrEmpty(info.PagingCookie);
        if (query.TopCount is int top)
        {
            if (paged) throw DataverseFault.InvalidArgument("TopCount and PageInfo cannot both be set on a query.");
            if (top < 1 || top > QueryEngine.MaxPageSize)
                throw DataverseFault.Create(ErrorCodes.LimitExceeded, $"TopCount must be between 1 and {QueryEngine.MaxPageSize}.");
        }

        if (info.Count < 0 || info.Count > QueryEngine.MaxPageSize)
            throw DataverseFault.Create(ErrorCodes.LimitExceeded, $"PageInfo.Count must be between 1 and {QueryEngine.MaxPageSize}.");
        return new PageRequest(
            info.Count == 0 ? QueryEngine.MaxPageSize : info.Count,
            info.PageNumber < 1 ? 1 : info.PageNumber,
            info.PagingCookie,
            info.ReturnTotalRecordCount);
    }

    /// <summary>Fills <paramref name="result"/> with this page of <paramref name="rows"/>.</summary>
    public EntityCollection Apply(EntityCollection result, List<ProjectedRow> rows, QueryPlan plan, QueryExpression query)
    {
        var start = Start(rows, plan, query);
        var page = rows.Skip(start).Take(Count).ToList();
        result.Entities.AddRange(page.Select(r => r.Entity));
        result.MoreRecords = start + page.Count < rows.Count;
        if (page.Count > 0) result.PagingCookie = PagingCookie.Build(plan.Table.PrimaryIdAttribute, Number, page[0].Id, page[^1].Id);
        result.TotalRecordCount = ReturnTotal ? System.Math.Min(rows.Count, QueryEngine.MaxPageSize) : -1;
        result.TotalRecordCountLimitExceeded = ReturnTotal && rows.Count > QueryEngine.MaxPageSize;
        return result;
    }

    /// <summary>
    /// Where the page starts. With a cookie and no explicit order, after the cookie's last id (Dataverse's keyset
    /// paging); otherwise by page number.
    /// </summary>
    private int Start(List<ProjectedRow> rows, QueryPlan plan, QueryExpression query)
    {
        var keysetPaging = query.Orders.Count == 0 && plan.AllLinks.All(l => l.Link.Orders.Count == 0) && !query.Distinct;
        var last = keysetPaging ? PagingCookie.LastId(Cookie, plan.Table.PrimaryIdAttribute) : null;
        if (last is System.Guid id && Number > 1)
        {
            var index = rows.FindIndex(r => r.Id.CompareTo(id) > 0);
            return index < 0 ? rows.Count : index;
        }

        return (Number - 1) * Count;
    }
}
