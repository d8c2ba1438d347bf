using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class UpsertTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();

    private IOrganizationService Service => _dataverse.GetService();

    private UpsertResponse Upsert(Entity target) => (UpsertResponse)Service.Execute(new UpsertRequest { Target = target });

    [Fact]
    public void Upsert_by_alternate_key_creates_then_updates_the_same_record()
    {
        var created = Upsert(new Entity("account", "accountnumber", "A-1") { ["name"] = "First" });
        var updated = Upsert(new Entity("account", "accountnumber", "A-1") { ["name"] = "Second" });

        Assert.True(created.RecordCreated);
        Assert.False(updated.RecordCreated);
        Assert.Equal(created.Target.Id, updated.Target.Id);
        Assert.Equal("A-1", updated.Target.KeyAttributes["accountnumber"]);
        var account = Service.Retrieve("account", created.Target.Id, new ColumnSet("name", "accountnumber"));
        Assert.Equal("Second", account["name"]);
        Assert.Equal("A-1", account["accountnumber"]);
        Assert.Equal(1, _dataverse.Count("account"));
    }

    [Fact]
    public void Upsert_by_id_creates_with_that_id_when_missing()
    {
        var id = Guid.NewGuid();

        var response = Upsert(new Entity("account", id) { ["name"] = "New" });

        Assert.True(response.RecordCreated);
        Assert.Equal(id, response.Target.Id);
    }

    [Fact]
    public void Key_attributes_that_are_not_a_defined_key_are_refused()
    {
        TestOrganization.Fault(() => Upsert(new Entity("account", "name", "Contoso") { ["description"] = "x" }));
    }

    [Fact]
    public void A_duplicate_alternate_key_is_refused()
    {
        Service.CreateAccount("First", "A-1");

        var fault = TestOrganization.Fault(() => Service.CreateAccount("Second", "a-1"));

        Assert.Equal(unchecked((int)0x80060892), fault.ErrorCode);
        Assert.Contains("accountnumber", fault.Message);
    }

    [Fact]
    public void Updating_a_key_to_a_value_in_use_is_refused()
    {
        Service.CreateAccount("First", "A-1");
        var second = Service.CreateAccount("Second", "A-2");

        TestOrganization.Fault(() => Service.Update(new Entity("account", second) { ["accountnumber"] = "A-1" }));
    }

    [Fact]
    public void Retrieve_update_and_delete_accept_key_attributes()
    {
        var id = Service.CreateAccount("Contoso", "A-1");

        var retrieved = (RetrieveResponse)Service.Execute(new RetrieveRequest { Target = new EntityReference("account", "accountnumber", "A-1"), ColumnSet = new ColumnSet("name") });
        Service.Update(new Entity("account", "accountnumber", "A-1") { ["name"] = "Renamed" });
        var renamed = Service.Retrieve("account", id, new ColumnSet("name"))["name"];
        Service.Execute(new DeleteRequest { Target = new EntityReference("account", "accountnumber", "A-1") });

        Assert.Equal(id, retrieved.Entity.Id);
        Assert.Equal("Renamed", renamed);
        Assert.Equal(0, _dataverse.Count("account"));
        var fault = TestOrganization.Fault(() => Service.Execute(new RetrieveRequest { Target = new EntityReference("account", "accountnumber", "A-1"), ColumnSet = new ColumnSet(true) }));
        Assert.Equal("A record with the specified key values does not exist in account entity", fault.Message);
    }

    [Fact]
    public void The_inner_create_or_update_fires_its_plugins_but_is_not_counted_as_a_request()
    {
        var fired = 0;
        _dataverse.Plugins.RegisterStep(new StepRegistration("Create", "account", PipelineStage.PostOperation), () => new DelegatePlugin(_ => fired++));

        Upsert(new Entity("account", "accountnumber", "A-1") { ["name"] = "First" });

        Assert.Equal(1, fired);
        Assert.Equal(1, _dataverse.Requests.CountOf("Upsert"));
        Assert.Equal(0, _dataverse.Requests.CountOf("Create"));
    }
}
