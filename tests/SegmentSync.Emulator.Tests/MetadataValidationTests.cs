using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class MetadataValidationTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();

    private IOrganizationService Service => _dataverse.GetService();

    [Fact]
    public void An_unknown_attribute_is_rejected_with_the_Dataverse_message()
    {
        var fault = TestOrganization.Fault(() => Service.Create(new Entity("account") { ["name"] = "x", ["nosuchcolumn"] = "y" }));

        Assert.Equal(unchecked((int)0x80041103), fault.ErrorCode);
        Assert.StartsWith("'account' entity doesn't contain attribute with Name = 'nosuchcolumn'", fault.Message);
    }

    [Fact]
    public void An_unknown_table_is_rejected()
    {
        var fault = TestOrganization.Fault(() => Service.Create(new Entity("nosuchtable") { ["name"] = "x" }));

        Assert.Equal(unchecked((int)0x80041102), fault.ErrorCode);
        Assert.Contains("nosuchtable", fault.Message);
    }

    [Fact]
    public void A_string_longer_than_its_column_is_rejected()
    {
        var fault = TestOrganization.Fault(() => Service.Create(new Entity("account") { ["name"] = new string('x', 101) }));

        Assert.Equal(unchecked((int)0x80044331), fault.ErrorCode);
        Assert.Equal("A validation error occurred. The length of the 'name' attribute of the 'account' entity exceeded the maximum allowed length of '100'.", fault.Message);
    }

    [Fact]
    public void A_string_of_exactly_the_maximum_length_is_accepted()
    {
        var id = Service.Create(new Entity("account") { ["name"] = new string('x', 100) });

        Assert.Equal(100, ((string)Service.Retrieve("account", id, new ColumnSet("name"))["name"]).Length);
    }

    [Fact]
    public void A_memo_longer_than_its_column_is_rejected()
    {
        var fault = TestOrganization.Fault(() => Service.Create(new Entity("account") { ["name"] = "x", ["description"] = new string('x', 2001) }));

        Assert.Equal(unchecked((int)0x80044331), fault.ErrorCode);
    }

    [Theory]
    [InlineData("name", 5)]
    [InlineData("industrycode", 1)]
    [InlineData("primarycontactid", "not a reference")]
    [InlineData("revenue", 10)]
    [InlineData("numberofemployees", 10L)]
    [InlineData("donotemail", "true")]
    public void A_value_of_the_wrong_type_is_rejected(string attribute, object value)
    {
        var entity = new Entity("account") { ["name"] = "x" };
        entity[attribute] = value;

        var fault = TestOrganization.Fault(() => Service.Create(entity));

        Assert.Equal(unchecked((int)0x80040203), fault.ErrorCode);
        Assert.Contains(attribute, fault.Message);
    }

    [Fact]
    public void An_option_value_that_is_not_in_the_option_set_is_rejected()
    {
        var fault = TestOrganization.Fault(() => Service.Create(new Entity("account") { ["name"] = "x", ["industrycode"] = new OptionSetValue(9) }));

        Assert.Equal(unchecked((int)0x8004431A), fault.ErrorCode);
        Assert.Contains("'industrycode'", fault.Message);
    }

    [Fact]
    public void A_whole_number_outside_its_range_is_rejected()
    {
        var fault = TestOrganization.Fault(() => Service.Create(new Entity("account") { ["name"] = "x", ["numberofemployees"] = 100001 }));

        Assert.Equal(unchecked((int)0x8004431A), fault.ErrorCode);
    }

    [Fact]
    public void A_lookup_to_a_missing_record_is_rejected()
    {
        var missing = Guid.NewGuid();

        var fault = TestOrganization.Fault(() => Service.Create(new Entity("contact") { ["parentcustomerid"] = new EntityReference("account", missing) }));

        Assert.Equal(unchecked((int)0x80040217), fault.ErrorCode);
        Assert.Equal($"account With Id = {missing} Does Not Exist", fault.Message);
    }

    [Fact]
    public void A_lookup_to_a_table_it_cannot_target_is_rejected()
    {
        var contact = Service.CreateContact("Adams");

        var fault = TestOrganization.Fault(() => Service.Create(new Entity("contact") { ["parentcustomerid"] = new EntityReference("contact", contact) }));

        Assert.Equal(unchecked((int)0x80040203), fault.ErrorCode);
    }

    [Fact]
    public void A_required_column_must_be_set_on_create()
    {
        var fault = TestOrganization.Fault(() => Service.Create(new Entity("account") { ["accountnumber"] = "A-1" }));

        Assert.Equal(unchecked((int)0x80040200), fault.ErrorCode);
        Assert.Contains("'name'", fault.Message);
    }

    [Fact]
    public void A_required_column_cannot_be_cleared_on_update()
    {
        var id = Service.CreateAccount("Contoso");

        var fault = TestOrganization.Fault(() => Service.Update(new Entity("account", id) { ["name"] = null }));

        Assert.Equal(unchecked((int)0x80040200), fault.ErrorCode);
    }

    [Fact]
    public void A_status_that_does_not_belong_to_the_state_is_rejected()
    {
        var id = Service.CreateAccount("Contoso");

        var fault = TestOrganization.Fault(() => Service.Update(new Entity("account", id)
        {
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(2),
        }));

        Assert.Equal(unchecked((int)0x80048408), fault.ErrorCode);
    }

    [Fact]
    public void Setting_only_the_state_picks_its_default_status()
    {
        var id = Service.CreateAccount("Contoso");

        Service.Update(new Entity("account", id) { ["statecode"] = new OptionSetValue(1) });

        var account = Service.Retrieve("account", id, new ColumnSet("statecode", "statuscode"));
        Assert.Equal(1, account.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(2, account.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void Setting_only_the_status_brings_its_state_along()
    {
        var id = Service.CreateAccount("Contoso");

        Service.Update(new Entity("account", id) { ["statuscode"] = new OptionSetValue(2) });

        Assert.Equal(1, Service.Retrieve("account", id, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [Fact]
    public void Enforced_status_transitions_allow_only_the_declared_moves()
    {
        var id = Service.Create(new Entity("new_ticket") { ["new_name"] = "T" });

        var fault = TestOrganization.Fault(() => Service.Update(new Entity("new_ticket", id) { ["statuscode"] = new OptionSetValue(12) }));
        Service.Update(new Entity("new_ticket", id) { ["statuscode"] = new OptionSetValue(11) });
        Service.Update(new Entity("new_ticket", id) { ["statuscode"] = new OptionSetValue(20) });

        Assert.Equal(-2147160050, fault.ErrorCode);
        var ticket = Service.Retrieve("new_ticket", id, new ColumnSet("statecode", "statuscode"));
        Assert.Equal(1, ticket.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(20, ticket.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void System_columns_set_by_a_caller_are_ignored()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "x", ["createdon"] = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) });

        var createdOn = (DateTime)Service.Retrieve("account", id, new ColumnSet("createdon"))["createdon"];

        Assert.True(createdOn.Year > 2000);
    }

    [Fact]
    public void Table_definitions_reject_a_default_that_is_not_an_option()
    {
        Assert.Throws<ArgumentException>(() => new TableDefinition("new_x", "new_xid").Picklist("new_choice", new[] { 1, 2 }, defaultValue: 3));
    }

    [Fact]
    public void A_registered_table_exposes_its_columns_and_system_columns()
    {
        var table = _dataverse.Metadata.Table("account");

        Assert.Equal("accounts", table.EntitySetName);
        Assert.Equal(ColumnKind.Picklist, table.Column("industrycode")!.Kind);
        Assert.NotNull(table.Column("createdon"));
        Assert.NotNull(table.Column("ownerid"));
        Assert.Throws<InvalidOperationException>(() => table.String("late", 10));
    }
}
