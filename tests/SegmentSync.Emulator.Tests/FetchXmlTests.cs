using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class FetchXmlTests
{
    private readonly IOrganizationService _service;
    private readonly Guid _contoso;

    public FetchXmlTests()
    {
        _service = TestOrganization.Create().GetService();
        _contoso = _service.CreateAccount("Contoso", "C-1");
        var fabrikam = _service.CreateAccount("Fabrikam", "F-1");
        _service.CreateContact("Adams", _contoso, "adams@contoso.com");
        _service.CreateContact("Baker", _contoso);
        _service.CreateContact("Clark", fabrikam, "clark@fabrikam.com");
    }

    private DataCollection<Entity> Fetch(string xml) => _service.RetrieveMultiple(new FetchExpression(xml)).Entities;

    [Fact]
    public void Attributes_filters_and_orders_are_applied()
    {
        var rows = Fetch(@"<fetch>
            <entity name='contact'>
              <attribute name='lastname' />
              <filter type='or'>
                <condition attribute='lastname' operator='eq' value='adams' />
                <condition attribute='emailaddress1' operator='like' value='%fabrikam%' />
              </filter>
              <order attribute='lastname' descending='true' />
            </entity>
          </fetch>");

        Assert.Equal(new[] { "Clark", "Adams" }, rows.Select(r => (string)r["lastname"]));
        Assert.Equal(new[] { "contactid", "lastname" }, rows[0].Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void In_null_and_not_null_conditions_work_with_value_elements()
    {
        var rows = Fetch(@"<fetch><entity name='contact'><attribute name='lastname' />
            <filter>
              <condition attribute='lastname' operator='in'><value>Adams</value><value>Baker</value><value>Clark</value></condition>
              <condition attribute='emailaddress1' operator='not-null' />
            </filter></entity></fetch>");
        var withoutEmail = Fetch("<fetch><entity name='contact'><filter><condition attribute='emailaddress1' operator='null' /></filter></entity></fetch>");

        Assert.Equal(2, rows.Count);
        Assert.Single(withoutEmail);
    }

    [Fact]
    public void Link_entity_from_is_the_linked_column_and_to_the_parent_column()
    {
        var rows = Fetch($@"<fetch><entity name='contact'><attribute name='lastname' />
            <link-entity name='account' from='accountid' to='parentcustomerid' alias='a' link-type='inner'>
              <attribute name='accountnumber' />
              <filter><condition attribute='accountid' operator='eq' value='{_contoso}' /></filter>
            </link-entity>
            <order attribute='lastname' /></entity></fetch>");

        Assert.Equal(new[] { "Adams", "Baker" }, rows.Select(r => (string)r["lastname"]));
        Assert.Equal("C-1", rows[0].GetAttributeValue<AliasedValue>("a.accountnumber").Value);
    }

    [Fact]
    public void An_outer_link_keeps_rows_without_a_match()
    {
        _service.CreateContact("Orphan");

        var rows = Fetch("<fetch><entity name='contact'><link-entity name='account' from='accountid' to='parentcustomerid' link-type='outer' alias='a'><attribute name='name' /></link-entity></entity></fetch>");

        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void Top_count_page_and_all_attributes_are_honoured()
    {
        var top = Fetch("<fetch top='2'><entity name='contact'><all-attributes /><order attribute='lastname' /></entity></fetch>");
        var page = _service.RetrieveMultiple(new FetchExpression("<fetch count='2' page='2'><entity name='contact'><attribute name='lastname' /><order attribute='lastname' /></entity></fetch>"));

        Assert.Equal(2, top.Count);
        Assert.True(top[0].Contains("createdon"));
        Assert.Equal("Clark", Assert.Single(page.Entities)["lastname"]);
        Assert.False(page.MoreRecords);
    }

    [Fact]
    public void An_aggregate_count_returns_one_row_with_an_aliased_value()
    {
        var rows = Fetch("<fetch aggregate='true'><entity name='contact'><attribute name='contactid' aggregate='count' alias='total' /><filter><condition attribute='parentcustomerid' operator='not-null' /></filter></entity></fetch>");

        Assert.Equal(3, Assert.Single(rows).GetAttributeValue<AliasedValue>("total").Value);
    }

    [Fact]
    public void Invalid_fetch_xml_is_a_fault()
    {
        TestOrganization.Fault(() => Fetch("<fetch><entity name='contact'>"));
        TestOrganization.Fault(() => Fetch("<fetch><entity name='contact'><filter><condition attribute='lastname' operator='sounds-like' value='x' /></filter></entity></fetch>"));
    }
}
