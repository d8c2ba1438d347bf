using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class LinkEntityTests
{
    private readonly IOrganizationService _service;
    private readonly Guid _contoso;
    private readonly Guid _fabrikam;

    public LinkEntityTests()
    {
        _service = TestOrganization.Create().GetService();
        _contoso = _service.CreateAccount("Contoso", "C-1");
        _fabrikam = _service.CreateAccount("Fabrikam", "F-1");
        _service.CreateContact("Adams", _contoso);
        _service.CreateContact("Baker", _contoso);
        _service.CreateContact("Clark", _fabrikam);
        _service.CreateContact("Doe");
    }

    [Fact]
    public void An_inner_join_keeps_matching_rows_and_returns_link_columns_as_aliased_values()
    {
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        var link = query.AddLink("account", "parentcustomerid", "accountid");
        link.EntityAlias = "acc";
        link.Columns = new ColumnSet("name");
        query.AddOrder("lastname", OrderType.Ascending);

        var rows = _service.RetrieveMultiple(query).Entities;

        Assert.Equal(new[] { "Adams", "Baker", "Clark" }, rows.Select(r => (string)r["lastname"]));
        var aliased = rows[0].GetAttributeValue<AliasedValue>("acc.name");
        Assert.Equal("Contoso", aliased.Value);
        Assert.Equal("account", aliased.EntityLogicalName);
        Assert.Equal("name", aliased.AttributeLogicalName);
    }

    [Fact]
    public void An_outer_join_keeps_rows_without_a_match()
    {
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        var link = query.AddLink("account", "parentcustomerid", "accountid", JoinOperator.LeftOuter);
        link.EntityAlias = "acc";
        link.Columns = new ColumnSet("name");
        query.AddOrder("lastname", OrderType.Ascending);

        var rows = _service.RetrieveMultiple(query).Entities;

        Assert.Equal(4, rows.Count);
        Assert.False(rows[3].Contains("acc.name"));
    }

    [Fact]
    public void Link_criteria_filter_the_linked_rows()
    {
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        var link = query.AddLink("account", "parentcustomerid", "accountid");
        link.LinkCriteria.AddCondition("accountnumber", ConditionOperator.Equal, "F-1");

        Assert.Equal("Clark", Assert.Single(_service.RetrieveMultiple(query).Entities)["lastname"]);
    }

    [Fact]
    public void One_to_many_joins_repeat_the_parent_and_generate_an_alias()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("contact", "accountid", "parentcustomerid");
        link.Columns = new ColumnSet("lastname");
        query.Criteria.AddCondition("accountid", ConditionOperator.Equal, _contoso);

        var rows = _service.RetrieveMultiple(query).Entities;

        Assert.Equal(2, rows.Count);
        Assert.Equal(new[] { "Adams", "Baker" }, rows.Select(r => (string)r.GetAttributeValue<AliasedValue>("contact1.lastname").Value).OrderBy(n => n));
    }

    [Fact]
    public void Nested_links_and_conditions_on_an_alias_work()
    {
        var primary = _service.CreateContact("Primary");
        _service.Update(new Entity("account", _fabrikam) { ["primarycontactid"] = new EntityReference("contact", primary) });
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        var account = query.AddLink("account", "parentcustomerid", "accountid");
        account.EntityAlias = "acc";
        var primaryContact = account.AddLink("contact", "primarycontactid", "contactid");
        primaryContact.EntityAlias = "pc";
        primaryContact.Columns = new ColumnSet("lastname");
        query.Criteria.AddCondition("pc", "lastname", ConditionOperator.Equal, "Primary");

        var row = Assert.Single(_service.RetrieveMultiple(query).Entities);

        Assert.Equal("Clark", row["lastname"]);
        Assert.Equal("Primary", row.GetAttributeValue<AliasedValue>("pc.lastname").Value);
    }

    [Fact]
    public void Exists_and_NotAny_joins_only_filter()
    {
        var withContacts = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        withContacts.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.Exists);
        var withoutAdams = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        withoutAdams.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.NotAny).LinkCriteria.AddCondition("lastname", ConditionOperator.Equal, "Adams");

        Assert.Equal(2, _service.RetrieveMultiple(withContacts).Entities.Count);
        Assert.Equal("Fabrikam", Assert.Single(_service.RetrieveMultiple(withoutAdams).Entities)["name"]);
    }

    [Fact]
    public void A_link_on_an_unknown_attribute_is_a_fault()
    {
        var query = new QueryExpression("contact");
        query.AddLink("account", "nosuch", "accountid");

        TestOrganization.Fault(() => _service.RetrieveMultiple(query));
    }
}
