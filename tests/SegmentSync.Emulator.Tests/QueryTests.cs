using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class QueryTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();
    private readonly IOrganizationService _service;
    private readonly Guid _contoso;
    private readonly Guid _fabrikam;

    public QueryTests()
    {
        _service = _dataverse.GetService();
        _contoso = _service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10, ["industrycode"] = new OptionSetValue(2) });
        _fabrikam = _service.Create(new Entity("account") { ["name"] = "Fabrikam", ["numberofemployees"] = 50, ["accountnumber"] = "F-1" });
        _service.Create(new Entity("account") { ["name"] = "Northwind", ["numberofemployees"] = 100, ["industrycode"] = new OptionSetValue(3) });
        _service.Create(new Entity("account") { ["name"] = "100% Tea_Co" });
    }

    private string[] Names(QueryExpression query)
    {
        query.ColumnSet ??= new ColumnSet("name");
        if (!query.ColumnSet.AllColumns && !query.ColumnSet.Columns.Contains("name")) query.ColumnSet.AddColumn("name");
        return _service.RetrieveMultiple(query).Entities.Select(e => (string)e["name"]).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    private string[] Where(string attribute, ConditionOperator op, params object[] values)
    {
        var query = new QueryExpression("account");
        query.Criteria.AddCondition(attribute, op, values);
        return Names(query);
    }

    [Fact]
    public void Equal_on_text_ignores_case_and_trailing_spaces()
    {
        Assert.Equal(new[] { "Contoso" }, Where("name", ConditionOperator.Equal, "CONTOSO  "));
    }

    [Fact]
    public void NotEqual_excludes_records_whose_value_is_null()
    {
        Assert.Equal(new[] { "Fabrikam" }, Where("accountnumber", ConditionOperator.NotEqual, "X"));
    }

    [Fact]
    public void In_and_NotIn_match_any_of_the_values()
    {
        Assert.Equal(new[] { "Contoso", "Northwind" }, Where("name", ConditionOperator.In, "contoso", "northwind", "missing"));
        Assert.Equal(new[] { "100% Tea_Co", "Fabrikam" }, Where("name", ConditionOperator.NotIn, "Contoso", "Northwind"));
    }

    [Fact]
    public void Null_and_NotNull_test_for_a_value()
    {
        Assert.Equal(new[] { "100% Tea_Co" }, Where("numberofemployees", ConditionOperator.Null));
        Assert.Equal(new[] { "Fabrikam" }, Where("accountnumber", ConditionOperator.NotNull));
    }

    [Fact]
    public void Like_supports_percent_underscore_and_bracketed_literals()
    {
        Assert.Equal(new[] { "Contoso", "Northwind" }, Where("name", ConditionOperator.Like, "%N%"));
        Assert.Equal(new[] { "Contoso" }, Where("name", ConditionOperator.Like, "c_ntoso"));
        Assert.Equal(new[] { "100% Tea_Co" }, Where("name", ConditionOperator.Like, "100[%]%"));
        Assert.Equal(new[] { "100% Tea_Co", "Fabrikam", "Northwind" }, Where("name", ConditionOperator.NotLike, "con%"));
    }

    [Fact]
    public void BeginsWith_EndsWith_and_Contains_treat_wildcards_literally()
    {
        Assert.Equal(new[] { "Fabrikam" }, Where("name", ConditionOperator.BeginsWith, "fab"));
        Assert.Equal(new[] { "Northwind" }, Where("name", ConditionOperator.EndsWith, "WIND"));
        Assert.Equal(new[] { "100% Tea_Co" }, Where("name", ConditionOperator.Contains, "% Tea_"));
        Assert.Empty(Where("name", ConditionOperator.Contains, "T%o"));
    }

    [Fact]
    public void Comparisons_and_Between_work_on_numbers()
    {
        Assert.Equal(new[] { "Fabrikam", "Northwind" }, Where("numberofemployees", ConditionOperator.GreaterThan, 10));
        Assert.Equal(new[] { "Contoso", "Fabrikam", "Northwind" }, Where("numberofemployees", ConditionOperator.GreaterEqual, 10));
        Assert.Equal(new[] { "Contoso" }, Where("numberofemployees", ConditionOperator.LessThan, 50));
        Assert.Equal(new[] { "Contoso", "Fabrikam" }, Where("numberofemployees", ConditionOperator.LessEqual, 50));
        Assert.Equal(new[] { "Fabrikam", "Northwind" }, Where("numberofemployees", ConditionOperator.Between, 11, 100));
        Assert.Equal(new[] { "Contoso" }, Where("numberofemployees", ConditionOperator.NotBetween, 11, 100));
    }

    [Fact]
    public void Option_values_and_references_compare_by_value()
    {
        Assert.Equal(new[] { "Northwind" }, Where("industrycode", ConditionOperator.Equal, new OptionSetValue(3)));
        Assert.Equal(new[] { "Northwind" }, Where("industrycode", ConditionOperator.Equal, 3));
        Assert.Equal(new[] { "Contoso" }, Where("accountid", ConditionOperator.Equal, new EntityReference("account", _contoso)));
        Assert.Equal(new[] { "Contoso", "Fabrikam" }, Where("accountid", ConditionOperator.In, _contoso, _fabrikam.ToString()));
    }

    [Fact]
    public void Nested_and_or_filters_combine()
    {
        var query = new QueryExpression("account");
        query.Criteria.AddCondition("numberofemployees", ConditionOperator.NotNull);
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("name", ConditionOperator.Equal, "Contoso");
        either.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 60);

        Assert.Equal(new[] { "Contoso", "Northwind" }, Names(query));
    }

    [Fact]
    public void Orders_apply_in_sequence_with_nulls_first_ascending()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("accountnumber", OrderType.Descending);
        query.AddOrder("numberofemployees", OrderType.Ascending);

        var names = _service.RetrieveMultiple(query).Entities.Select(e => (string)e["name"]).ToArray();

        Assert.Equal(new[] { "Fabrikam", "100% Tea_Co", "Contoso", "Northwind" }, names);
    }

    [Fact]
    public void TopCount_limits_the_results()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), TopCount = 2 };
        query.AddOrder("name", OrderType.Ascending);

        var names = _service.RetrieveMultiple(query).Entities.Select(e => (string)e["name"]).ToArray();

        Assert.Equal(new[] { "100% Tea_Co", "Contoso" }, names);
    }

    [Fact]
    public void Distinct_removes_duplicate_rows()
    {
        _service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 99 });
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), Distinct = true };

        var result = _service.RetrieveMultiple(query);

        Assert.Equal(4, result.Entities.Count);
        Assert.All(result.Entities, e => Assert.False(e.Contains("accountid")));
    }

    [Fact]
    public void QueryByAttribute_is_an_and_of_equal_conditions()
    {
        var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name") };
        query.AddAttributeValue("name", "fabrikam");
        query.AddAttributeValue("accountnumber", "F-1");

        var result = _service.RetrieveMultiple(query);

        Assert.Equal(_fabrikam, Assert.Single(result.Entities).Id);
    }

    [Fact]
    public void Results_hold_only_the_requested_columns_and_are_copies()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("accountid", ConditionOperator.Equal, _fabrikam);

        var entity = Assert.Single(_service.RetrieveMultiple(query).Entities);
        entity["name"] = "changed";

        Assert.Equal(new[] { "accountid", "name" }, entity.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("Fabrikam", _service.Retrieve("account", _fabrikam, new ColumnSet("name"))["name"]);
    }

    [Fact]
    public void An_unknown_attribute_in_a_condition_is_a_fault()
    {
        var fault = TestOrganization.Fault(() => Where("nosuch", ConditionOperator.Equal, 1));

        Assert.Equal(unchecked((int)0x80041103), fault.ErrorCode);
    }

    [Fact]
    public void An_array_passed_as_one_condition_value_is_a_fault_as_in_the_real_sdk()
    {
        var query = new QueryExpression("account");
        query.Criteria.Conditions.Add(new ConditionExpression("accountid", ConditionOperator.In, new object[] { new[] { _contoso, _fabrikam } }));

        TestOrganization.Fault(() => _service.RetrieveMultiple(query));
    }

    [Fact]
    public void Equal_on_an_indexed_column_finds_the_record()
    {
        var contact = _service.CreateContact("Adams", email: "ADA@example.com");

        var query = new QueryExpression("contact");
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, "ada@EXAMPLE.com");

        Assert.Equal(contact, Assert.Single(_service.RetrieveMultiple(query).Entities).Id);
    }

    [Fact]
    public void EqualUserId_compares_with_the_caller()
    {
        var user = _dataverse.CreateUser("Owner");
        var mine = _dataverse.GetService(user).CreateAccount("Mine");

        var query = new QueryExpression("account");
        query.Criteria.AddCondition("ownerid", ConditionOperator.EqualUserId);

        Assert.Equal(mine, Assert.Single(_dataverse.GetService(user).RetrieveMultiple(query).Entities).Id);
    }
}
