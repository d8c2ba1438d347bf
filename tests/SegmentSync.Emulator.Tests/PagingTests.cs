using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class PagingTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();
    private readonly IOrganizationService _service;

    public PagingTests()
    {
        _service = _dataverse.GetService();
    }

    private void SeedContacts(int count)
    {
        _dataverse.Seed("contact", Enumerable.Range(0, count).Select(i => new Entity("contact") { ["lastname"] = "C" + i.ToString("D5"), ["age"] = i % 7 }));
    }

    [Fact]
    public void Pages_of_a_query_cover_every_record_once_using_the_paging_cookie()
    {
        SeedContacts(25);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), PageInfo = new PagingInfo { Count = 10, PageNumber = 1 } };
        var seen = new List<Guid>();
        var pages = 0;
        while (true)
        {
            var page = _service.RetrieveMultiple(query);
            pages++;
            seen.AddRange(page.Entities.Select(e => e.Id));
            if (!page.MoreRecords) break;
            Assert.False(string.IsNullOrEmpty(page.PagingCookie));
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }

        Assert.Equal(3, pages);
        Assert.Equal(25, seen.Distinct().Count());
        Assert.Equal(seen.OrderBy(id => id), seen);
    }

    [Fact]
    public void A_page_number_without_cookie_skips_the_earlier_pages()
    {
        SeedContacts(25);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), PageInfo = new PagingInfo { Count = 10, PageNumber = 3 } };
        query.AddOrder("lastname", OrderType.Ascending);

        var page = _service.RetrieveMultiple(query);

        Assert.Equal(new[] { "C00020", "C00021", "C00022", "C00023", "C00024" }, page.Entities.Select(e => (string)e["lastname"]));
        Assert.False(page.MoreRecords);
    }

    [Fact]
    public void Cookie_paging_skips_nothing_when_records_are_deleted_between_pages()
    {
        SeedContacts(20);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet(), PageInfo = new PagingInfo { Count = 10, PageNumber = 1 } };
        var first = _service.RetrieveMultiple(query);
        foreach (var entity in first.Entities) _service.Delete("contact", entity.Id);

        query.PageInfo.PageNumber = 2;
        query.PageInfo.PagingCookie = first.PagingCookie;
        var second = _service.RetrieveMultiple(query);

        Assert.Equal(10, second.Entities.Count);
    }

    [Fact]
    public void The_default_page_is_5000_records_with_MoreRecords_beyond()
    {
        SeedContacts(5001);

        var result = _service.RetrieveMultiple(new QueryExpression("contact") { ColumnSet = new ColumnSet() });

        Assert.Equal(5000, result.Entities.Count);
        Assert.True(result.MoreRecords);
    }

    [Fact]
    public void ReturnTotalRecordCount_reports_the_matching_count()
    {
        SeedContacts(30);
        var query = new QueryExpression("contact") { PageInfo = new PagingInfo { Count = 5, PageNumber = 1, ReturnTotalRecordCount = true } };
        query.Criteria.AddCondition("age", ConditionOperator.Equal, 0);

        var result = _service.RetrieveMultiple(query);

        Assert.Equal(5, result.TotalRecordCount);
        Assert.Equal(-1, _service.RetrieveMultiple(new QueryExpression("contact")).TotalRecordCount);
    }

    [Fact]
    public void A_page_larger_than_5000_is_rejected()
    {
        TestOrganization.Fault(() => _service.RetrieveMultiple(new QueryExpression("contact") { PageInfo = new PagingInfo { Count = 5001, PageNumber = 1 } }));
    }

    [Fact]
    public void TopCount_and_paging_together_are_rejected()
    {
        TestOrganization.Fault(() => _service.RetrieveMultiple(new QueryExpression("contact") { TopCount = 5, PageInfo = new PagingInfo { Count = 5, PageNumber = 1 } }));
    }
}
