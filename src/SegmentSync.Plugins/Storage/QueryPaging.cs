using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Plugins.Storage
{
    /// <summary>Reads every row a query matches, page by page with the paging cookie, one request a page.</summary>
    internal static class QueryPaging
    {
        /// <summary>Pages of <paramref name="pageSize"/> rows, read as they are enumerated (sets the query's PageInfo).</summary>
        public static IEnumerable<Entity> AllPages(this IOrganizationService service, QueryExpression query, int pageSize)
        {
            query.PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 };
            while (true)
            {
                var page = service.RetrieveMultiple(query);
                foreach (var row in page.Entities)
                {
                    yield return row;
                }

                if (!page.MoreRecords)
                {
                    yield break;
                }

                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}
