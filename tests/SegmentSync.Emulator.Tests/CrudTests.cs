using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class CrudTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 30, 15, 250, TimeSpan.Zero);

    [Fact]
    public void Create_returns_the_new_id_and_Retrieve_returns_the_record()
    {
        var service = TestOrganization.Create().GetService();

        var id = service.CreateAccount("Contoso", "A-1");
        var account = service.Retrieve("account", id, new ColumnSet("name", "accountnumber"));

        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal(id, account.Id);
        Assert.Equal("Contoso", account["name"]);
        Assert.Equal("A-1", account["accountnumber"]);
    }

    [Fact]
    public void Create_honours_a_caller_supplied_id()
    {
        var service = TestOrganization.Create().GetService();
        var id = Guid.NewGuid();

        var created = service.Create(new Entity("account", id) { ["name"] = "Fabrikam" });

        Assert.Equal(id, created);
        Assert.Equal("Fabrikam", service.Retrieve("account", id, new ColumnSet("name"))["name"]);
    }

    [Fact]
    public void Create_with_an_id_that_exists_fails_with_DuplicateRecord()
    {
        var service = TestOrganization.Create().GetService();
        var id = service.CreateAccount("First");

        var fault = TestOrganization.Fault(() => service.Create(new Entity("account", id) { ["name"] = "Second" }));

        Assert.Equal(unchecked((int)0x80040237), fault.ErrorCode);
        Assert.Equal("Cannot insert duplicate key.", fault.Message);
    }

    [Fact]
    public void Create_sets_system_columns_state_and_column_defaults()
    {
        var clock = new ManualClock(T0);
        var dataverse = TestOrganization.Create(clock);
        var user = dataverse.CreateUser("Ada Lovelace");
        var service = dataverse.GetService(user);

        var id = service.CreateAccount("Contoso");
        var account = service.Retrieve("account", id, new ColumnSet(true));

        var expected = new DateTime(2026, 3, 1, 8, 30, 15, DateTimeKind.Utc);
        Assert.Equal(expected, account["createdon"]);
        Assert.Equal(expected, account["modifiedon"]);
        Assert.Equal(user, account.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal("Ada Lovelace", account.GetAttributeValue<EntityReference>("createdby").Name);
        Assert.Equal(user, account.GetAttributeValue<EntityReference>("modifiedby").Id);
        Assert.Equal(user, account.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(0, account.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(1, account.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Equal(1, account.GetAttributeValue<OptionSetValue>("industrycode").Value);
        Assert.False(account.GetAttributeValue<bool>("donotemail"));
    }

    [Fact]
    public void Retrieve_returns_only_the_requested_columns_and_the_primary_key()
    {
        var service = TestOrganization.Create().GetService();
        var id = service.CreateAccount("Contoso", "A-1");

        var account = service.Retrieve("account", id, new ColumnSet("name"));

        Assert.Equal(2, account.Attributes.Count);
        Assert.Equal(id, account["accountid"]);
        Assert.False(account.Contains("accountnumber"));
    }

    [Fact]
    public void Retrieve_returns_a_copy_that_does_not_change_the_stored_record()
    {
        var service = TestOrganization.Create().GetService();
        var id = service.CreateAccount("Contoso");
        var first = service.Retrieve("account", id, new ColumnSet(true));

        first["name"] = "Changed locally";
        first.GetAttributeValue<OptionSetValue>("statuscode").Value = 2;

        var second = service.Retrieve("account", id, new ColumnSet(true));
        Assert.Equal("Contoso", second["name"]);
        Assert.Equal(1, second.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void Create_keeps_no_reference_to_the_callers_entity()
    {
        var service = TestOrganization.Create().GetService();
        var entity = new Entity("account") { ["name"] = "Contoso" };
        var id = service.Create(entity);

        entity["name"] = "Changed after create";

        Assert.Equal("Contoso", service.Retrieve("account", id, new ColumnSet("name"))["name"]);
        Assert.Equal(Guid.Empty, entity.Id);
    }

    [Fact]
    public void Update_changes_only_the_given_attributes_and_stamps_modifiedon()
    {
        var clock = new ManualClock(T0);
        var service = TestOrganization.Create(clock).GetService();
        var id = service.CreateAccount("Contoso", "A-1");
        clock.Advance(TimeSpan.FromMinutes(5));

        service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });
        var account = service.Retrieve("account", id, new ColumnSet(true));

        Assert.Equal("Contoso Ltd", account["name"]);
        Assert.Equal("A-1", account["accountnumber"]);
        Assert.Equal(new DateTime(2026, 3, 1, 8, 30, 15, DateTimeKind.Utc), account["createdon"]);
        Assert.Equal(new DateTime(2026, 3, 1, 8, 35, 15, DateTimeKind.Utc), account["modifiedon"]);
    }

    [Fact]
    public void Setting_an_attribute_to_null_removes_it_from_results()
    {
        var service = TestOrganization.Create().GetService();
        var id = service.CreateAccount("Contoso", "A-1");

        service.Update(new Entity("account", id) { ["accountnumber"] = null });

        Assert.False(service.Retrieve("account", id, new ColumnSet(true)).Contains("accountnumber"));
    }

    [Fact]
    public void Update_of_a_missing_record_fails_with_ObjectDoesNotExist()
    {
        var service = TestOrganization.Create().GetService();
        var id = Guid.NewGuid();

        var fault = TestOrganization.Fault(() => service.Update(new Entity("account", id) { ["name"] = "x" }));

        Assert.Equal(unchecked((int)0x80040217), fault.ErrorCode);
        Assert.Equal($"account With Id = {id} Does Not Exist", fault.Message);
    }

    [Fact]
    public void Delete_removes_the_record()
    {
        var service = TestOrganization.Create().GetService();
        var id = service.CreateAccount("Contoso");

        service.Delete("account", id);

        var fault = TestOrganization.Fault(() => service.Retrieve("account", id, new ColumnSet(true)));
        Assert.Equal(unchecked((int)0x80040217), fault.ErrorCode);
    }

    [Fact]
    public void Dates_are_stored_as_utc_with_whole_seconds()
    {
        var service = TestOrganization.Create().GetService();
        var local = new DateTime(2026, 1, 2, 10, 0, 0, 999, DateTimeKind.Local);
        var id = service.Create(new Entity("account") { ["name"] = "x", ["lastcontacted"] = local });

        var stored = (DateTime)service.Retrieve("account", id, new ColumnSet("lastcontacted"))["lastcontacted"];

        Assert.Equal(DateTimeKind.Utc, stored.Kind);
        var expected = local.ToUniversalTime();
        Assert.Equal(new DateTime(expected.Year, expected.Month, expected.Day, expected.Hour, expected.Minute, expected.Second, DateTimeKind.Utc), stored);
    }

    [Fact]
    public void Lookups_come_back_with_the_target_records_name()
    {
        var service = TestOrganization.Create().GetService();
        var account = service.CreateAccount("Contoso");
        var contact = service.CreateContact("Adams", account);

        var parent = service.Retrieve("contact", contact, new ColumnSet("parentcustomerid")).GetAttributeValue<EntityReference>("parentcustomerid");

        Assert.Equal(new EntityReference("account", account), parent);
        Assert.Equal("Contoso", parent.Name);
    }

    [Fact]
    public void WhoAmI_returns_the_caller_its_business_unit_and_the_organization()
    {
        var dataverse = TestOrganization.Create();
        var user = dataverse.CreateUser("Grace Hopper");

        var response = dataverse.GetService(user).Execute(new OrganizationRequest("WhoAmI"));

        Assert.Equal(user, response["UserId"]);
        Assert.Equal(dataverse.BusinessUnitId, response["BusinessUnitId"]);
        Assert.Equal(dataverse.OrganizationId, response["OrganizationId"]);
    }

    [Fact]
    public void An_unknown_message_fails_with_a_fault()
    {
        var service = TestOrganization.Create().GetService();

        var fault = TestOrganization.Fault(() => service.Execute(new OrganizationRequest("new_DoesNotExist")));

        Assert.Contains("new_DoesNotExist", fault.Message);
    }

    [Fact]
    public void Seed_stores_validated_records_without_counting_requests()
    {
        var dataverse = TestOrganization.Create();

        var count = dataverse.Seed("contact", new[] { new Entity("contact") { ["lastname"] = "A" }, new Entity("contact") { ["lastname"] = "B" } });

        Assert.Equal(2, count);
        Assert.Equal(2, dataverse.Count("contact"));
        Assert.Equal(0, dataverse.Requests.Total);
        Assert.ThrowsAny<Exception>(() => dataverse.Seed("contact", new[] { new Entity("contact") { ["lastname"] = new string('x', 51) } }));
    }

    [Fact]
    public void BulkDelete_runs_its_job_and_returns_the_job_id()
    {
        var dataverse = TestOrganization.Create();
        var service = dataverse.GetService();
        service.CreateContact("Keep");
        service.CreateContact("Drop");
        service.CreateContact("Drop");
        var query = new QueryExpression("contact");
        query.Criteria.AddCondition("lastname", ConditionOperator.Equal, "Drop");

        var request = new OrganizationRequest("BulkDelete") { ["QuerySet"] = new[] { query }, ["JobName"] = "Clean up" };
        var jobId = (Guid)service.Execute(request)["JobId"];

        Assert.Equal(1, dataverse.Count("contact"));
        var job = service.Retrieve("asyncoperation", jobId, new ColumnSet("name", "statecode", "statuscode"));
        Assert.Equal("Clean up", job["name"]);
        Assert.Equal(3, job.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(30, job.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void Every_column_type_round_trips_as_its_sdk_type()
    {
        var service = TestOrganization.Create().GetService();
        var externalId = Guid.NewGuid();
        var id = service.Create(new Entity("account")
        {
            ["name"] = "Types",
            ["numberofemployees"] = 42,
            ["bignumber"] = 5_000_000_000L,
            ["score"] = 1.25m,
            ["revenue"] = new Money(99.5m),
            ["donotemail"] = true,
            ["externalid"] = externalId,
            ["industrycode"] = new OptionSetValue(3),
            ["description"] = "memo",
        });

        var account = service.Retrieve("account", id, new ColumnSet(true));

        Assert.Equal(42, account["numberofemployees"]);
        Assert.Equal(5_000_000_000L, account["bignumber"]);
        Assert.Equal(1.25m, account["score"]);
        Assert.Equal(99.5m, account.GetAttributeValue<Money>("revenue").Value);
        Assert.Equal(true, account["donotemail"]);
        Assert.Equal(externalId, account["externalid"]);
        Assert.Equal(3, account.GetAttributeValue<OptionSetValue>("industrycode").Value);
        Assert.Equal("memo", account["description"]);
    }
}
