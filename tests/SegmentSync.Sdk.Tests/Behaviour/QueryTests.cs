using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Sdk.Tests.Behaviour;

public class QueryTests
{
    [Fact]
    public void ConditionExpression_ParamsValues_KeepsEachValue()
    {
        var condition = new ConditionExpression("statecode", ConditionOperator.In, 0, 1);

        Assert.Equal("statecode", condition.AttributeName);
        Assert.Equal(ConditionOperator.In, condition.Operator);
        Assert.Equal(new object[] { 0, 1 }, condition.Values);
        Assert.Null(condition.EntityName);
    }

    [Fact]
    public void ConditionExpression_SingleObjectValue_IsOneValue()
    {
        var condition = new ConditionExpression("name", ConditionOperator.Equal, "VIPs");

        Assert.Equal(new object[] { "VIPs" }, condition.Values);
    }

    [Fact]
    public void ConditionExpression_TypedArray_IsSpreadIntoValues()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };

        var condition = new ConditionExpression("contactid", ConditionOperator.In, ids);

        Assert.Equal(new object[] { ids[0], ids[1] }, condition.Values);
    }

    [Fact]
    public void ConditionExpression_Collection_IsSpreadIntoValues()
    {
        var condition = new ConditionExpression("statuscode", ConditionOperator.In, new List<int> { 1, 2, 3 });

        Assert.Equal(new object[] { 1, 2, 3 }, condition.Values);
    }

    [Fact]
    public void ConditionExpression_NoValues_HasEmptyValues()
    {
        var condition = new ConditionExpression("emailaddress1", ConditionOperator.NotNull);

        Assert.Empty(condition.Values);
    }

    [Fact]
    public void ConditionExpression_EntityName_AndCompareColumns_AreKept()
    {
        var condition = new ConditionExpression("c", "createdon", ConditionOperator.GreaterThan, true, "modifiedon");

        Assert.Equal("c", condition.EntityName);
        Assert.True(condition.CompareColumns);
        Assert.Equal(new object[] { "modifiedon" }, condition.Values);
    }

    [Fact]
    public void FilterExpression_Default_IsAndWithNoConditions()
    {
        var filter = new FilterExpression();

        Assert.Equal(LogicalOperator.And, filter.FilterOperator);
        Assert.Empty(filter.Conditions);
        Assert.Empty(filter.Filters);
        Assert.False(filter.IsQuickFindFilter);
    }

    [Fact]
    public void FilterExpression_AddConditionAndFilter_BuildATree()
    {
        var filter = new FilterExpression(LogicalOperator.And);

        filter.AddCondition("statecode", ConditionOperator.Equal, 0);
        filter.AddCondition(new ConditionExpression("name", ConditionOperator.NotNull));
        var child = filter.AddFilter(LogicalOperator.Or);
        child.AddCondition("a", "name", ConditionOperator.Like, "V%");

        Assert.Equal(2, filter.Conditions.Count);
        Assert.Equal(new object[] { 0 }, filter.Conditions[0].Values);
        Assert.Same(child, Assert.Single(filter.Filters));
        Assert.Equal(LogicalOperator.Or, child.FilterOperator);
        Assert.Equal("a", child.Conditions[0].EntityName);
    }

    [Fact]
    public void QueryExpression_New_HasEmptyParts()
    {
        var query = new QueryExpression("contact");

        Assert.Equal("contact", query.EntityName);
        Assert.False(query.ColumnSet.AllColumns);
        Assert.Empty(query.ColumnSet.Columns);
        Assert.Empty(query.Criteria.Conditions);
        Assert.Empty(query.Orders);
        Assert.Empty(query.LinkEntities);
        Assert.NotNull(query.PageInfo);
        Assert.Null(query.TopCount);
        Assert.False(query.Distinct);
        Assert.False(query.NoLock);
    }

    [Fact]
    public void QueryExpression_AddOrderAndLink_AppendThem()
    {
        var query = new QueryExpression("contact");

        query.AddOrder("lastname", OrderType.Descending);
        var link = query.AddLink("listmember", "contactid", "entityid", JoinOperator.LeftOuter);
        link.EntityAlias = "lm";
        var nested = link.AddLink("list", "listid", "listid");

        var order = Assert.Single(query.Orders);
        Assert.Equal("lastname", order.AttributeName);
        Assert.Equal(OrderType.Descending, order.OrderType);
        Assert.Same(link, Assert.Single(query.LinkEntities));
        Assert.Equal("contact", link.LinkFromEntityName);
        Assert.Equal("listmember", link.LinkToEntityName);
        Assert.Equal("contactid", link.LinkFromAttributeName);
        Assert.Equal("entityid", link.LinkToAttributeName);
        Assert.Equal(JoinOperator.LeftOuter, link.JoinOperator);
        Assert.NotNull(link.Columns);
        Assert.NotNull(link.LinkCriteria);
        Assert.Equal("listmember", nested.LinkFromEntityName);
        Assert.Equal(JoinOperator.Inner, nested.JoinOperator);
    }

    [Fact]
    public void QueryByAttribute_AddAttributeValue_KeepsPairsAligned()
    {
        var query = new QueryByAttribute("contact") { ColumnSet = new ColumnSet("fullname"), TopCount = 5 };

        query.AddAttributeValue("statecode", 0);
        query.AddAttributeValue("lastname", "Lovelace");
        query.AddOrder("fullname", OrderType.Ascending);

        Assert.Equal(new[] { "statecode", "lastname" }, query.Attributes);
        Assert.Equal(new object[] { 0, "Lovelace" }, query.Values);
        Assert.Single(query.Orders);
        Assert.Equal(5, query.TopCount);
    }

    [Fact]
    public void ColumnSet_Constructors_SetColumnsOrAllColumns()
    {
        Assert.True(new ColumnSet(true).AllColumns);
        Assert.Equal(new[] { "a", "b" }, new ColumnSet("a", "b").Columns);

        var columns = new ColumnSet();
        columns.AddColumn("a");
        columns.AddColumns("b", "c");
        Assert.Equal(new[] { "a", "b", "c" }, columns.Columns);
        Assert.False(columns.AllColumns);
    }

    [Fact]
    public void FetchExpression_KeepsQuery()
    {
        Assert.Equal("<fetch/>", new FetchExpression("<fetch/>").Query);
    }

    [Fact]
    public void PagingInfo_KeepsValues()
    {
        var paging = new PagingInfo { Count = 5000, PageNumber = 2, PagingCookie = "<cookie/>", ReturnTotalRecordCount = true };

        Assert.Equal(5000, paging.Count);
        Assert.Equal(2, paging.PageNumber);
        Assert.Equal("<cookie/>", paging.PagingCookie);
        Assert.True(paging.ReturnTotalRecordCount);
    }

    [Fact]
    public void QueryExpression_Accept_ReturnsTheVisitorsResult()
    {
        var query = new QueryExpression("contact");
        var replacement = new QueryExpression("lead");

        Assert.Same(replacement, query.Accept(new ReplacingVisitor(replacement)));
    }

    private sealed class ReplacingVisitor(QueryExpression replacement) : IQueryExpressionVisitor
    {
        public QueryExpression Visit(QueryExpression query) => replacement;
    }
}
