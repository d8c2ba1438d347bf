using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class TransactionTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();

    private void Register(string message, string entity, PipelineStage stage, Action<IPluginExecutionContext, IOrganizationService> body)
    {
        _dataverse.Plugins.RegisterStep(new StepRegistration(message, entity, stage), () => new DelegatePlugin(body));
    }

    [Fact]
    public void A_failing_post_operation_plugin_rolls_back_the_create()
    {
        Register("Create", "account", PipelineStage.PostOperation, (_, _) => throw new InvalidPluginExecutionException("no"));

        TestOrganization.Fault(() => _dataverse.GetService().CreateAccount("Contoso", "A-1"));

        Assert.Equal(0, _dataverse.Count("account"));
        var byKey = new QueryExpression("account");
        byKey.Criteria.AddCondition("accountnumber", ConditionOperator.Equal, "A-1");
        Assert.Empty(_dataverse.GetService().RetrieveMultiple(byKey).Entities); // the key index was rolled back too
    }

    [Fact]
    public void Nested_writes_roll_back_with_the_top_level_request()
    {
        Register("Create", "account", PipelineStage.PostOperation, (c, s) => s.CreateContact("Child", c.PrimaryEntityId));
        Register("Create", "contact", PipelineStage.PostOperation, (_, _) => throw new InvalidPluginExecutionException("child refused"));

        var fault = TestOrganization.Fault(() => _dataverse.GetService().CreateAccount("Contoso"));

        Assert.Equal("child refused", fault.Message);
        Assert.Equal(0, _dataverse.Count("account"));
        Assert.Equal(0, _dataverse.Count("contact"));
    }

    [Fact]
    public void An_update_and_a_delete_are_undone_on_rollback()
    {
        var service = _dataverse.GetService();
        var keep = service.CreateAccount("Keep", "K-1");
        var changed = service.CreateAccount("Before", "B-1");
        Register("Update", "account", PipelineStage.PostOperation, (_, s) => s.Delete("account", keep));
        Register("Delete", "account", PipelineStage.PostOperation, (_, _) => throw new InvalidPluginExecutionException("no"));

        TestOrganization.Fault(() => service.Update(new Entity("account", changed) { ["name"] = "After", ["accountnumber"] = "B-2" }));

        Assert.Equal("Before", service.Retrieve("account", changed, new ColumnSet("name"))["name"]);
        Assert.Equal("Keep", service.Retrieve("account", keep, new ColumnSet("name"))["name"]);
        var byKey = new QueryExpression("account");
        byKey.Criteria.AddCondition("accountnumber", ConditionOperator.Equal, "B-1");
        Assert.Single(service.RetrieveMultiple(byKey).Entities);
    }

    [Fact]
    public void Writes_of_a_pre_validation_plugin_are_outside_the_transaction_and_stay()
    {
        Register("Create", "account", PipelineStage.PreValidation, (_, s) => s.CreateContact("Audit"));
        Register("Create", "account", PipelineStage.PostOperation, (_, _) => throw new InvalidPluginExecutionException("no"));

        TestOrganization.Fault(() => _dataverse.GetService().CreateAccount("Contoso"));

        Assert.Equal(0, _dataverse.Count("account"));
        Assert.Equal(1, _dataverse.Count("contact"));
    }

    [Fact]
    public void A_plugin_that_swallows_a_failed_call_still_fails_the_request()
    {
        Register("Create", "account", PipelineStage.PostOperation, (c, s) =>
        {
            s.CreateContact("Written first");
            try
            {
                s.Retrieve("contact", Guid.NewGuid(), new ColumnSet(true));
            }
            catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
            {
                // Swallowing does not help: Dataverse has already rolled back the transaction.
            }
        });

        var fault = TestOrganization.Fault(() => _dataverse.GetService().CreateAccount("Contoso"));

        Assert.Equal(-2146893812, fault.ErrorCode);
        Assert.Equal(0, _dataverse.Count("account"));
        Assert.Equal(0, _dataverse.Count("contact"));
    }

    [Fact]
    public void Each_top_level_request_commits_on_its_own()
    {
        var service = _dataverse.GetService();
        service.CreateAccount("First");
        Register("Create", "account", PipelineStage.PreOperation, (_, _) => throw new InvalidPluginExecutionException("no"));

        TestOrganization.Fault(() => service.CreateAccount("Second"));

        Assert.Equal(1, _dataverse.Count("account"));
    }
}
