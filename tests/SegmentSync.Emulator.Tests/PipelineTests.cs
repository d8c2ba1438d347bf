using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class PipelineTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();

    private void Register(string message, string? entity, PipelineStage stage, Action<IPluginExecutionContext, IOrganizationService> body, StepMode mode = StepMode.Synchronous, int rank = 1)
    {
        _dataverse.Plugins.RegisterStep(new StepRegistration(message, entity, stage, mode) { Rank = rank }, () => new DelegatePlugin(body));
    }

    [Fact]
    public void Stages_run_in_order_with_the_transaction_flag_Dataverse_sets()
    {
        var seen = new List<string>();
        foreach (var stage in new[] { PipelineStage.PostOperation, PipelineStage.PreValidation, PipelineStage.PreOperation })
            Register("Create", "account", stage, (c, _) => seen.Add($"{c.Stage}:{c.IsInTransaction}:{c.Mode}"));

        _dataverse.GetService().CreateAccount("Contoso");

        Assert.Equal(new[] { "10:False:0", "20:True:0", "40:True:0" }, seen);
    }

    [Fact]
    public void A_pre_operation_change_to_the_target_is_stored()
    {
        Register("Create", "account", PipelineStage.PreOperation, (c, _) => ((Entity)c.InputParameters["Target"])["accountnumber"] = "SET-BY-PLUGIN");
        var service = _dataverse.GetService();

        var id = service.CreateAccount("Contoso");

        Assert.Equal("SET-BY-PLUGIN", service.Retrieve("account", id, new ColumnSet("accountnumber"))["accountnumber"]);
    }

    [Fact]
    public void The_context_describes_the_request()
    {
        IPluginExecutionContext? seen = null;
        Register("Create", "account", PipelineStage.PostOperation, (c, _) => seen = c);
        var user = _dataverse.CreateUser("Caller");

        var id = _dataverse.GetService(user).CreateAccount("Contoso");

        Assert.NotNull(seen);
        Assert.Equal("Create", seen!.MessageName);
        Assert.Equal("account", seen.PrimaryEntityName);
        Assert.Equal(id, seen.PrimaryEntityId);
        Assert.Equal(id, seen.OutputParameters["id"]);
        Assert.Equal(1, seen.Depth);
        Assert.Equal(user, seen.UserId);
        Assert.Equal(user, seen.InitiatingUserId);
        Assert.Equal(_dataverse.OrganizationId, seen.OrganizationId);
        Assert.Equal(_dataverse.BusinessUnitId, seen.BusinessUnitId);
        Assert.Equal("emulator", seen.OrganizationName);
        Assert.NotEqual(Guid.Empty, seen.CorrelationId);
        Assert.NotEqual(Guid.Empty, seen.OperationId);
        Assert.NotNull(seen.RequestId);
        Assert.False(seen.IsExecutingOffline);
        Assert.Null(seen.ParentContext);
        Assert.Equal("sdkmessageprocessingstep", seen.OwningExtension.LogicalName);
    }

    [Fact]
    public void Images_hold_the_registered_attributes_before_and_after_the_update()
    {
        Entity? pre = null;
        Entity? post = null;
        _dataverse.Plugins.RegisterStep(
            new StepRegistration("Update", "account", PipelineStage.PostOperation) { PreImageAttributes = new[] { "name" }, PostImageAttributes = Array.Empty<string>() },
            () => new DelegatePlugin(c => { pre = c.PreEntityImages["PreImage"]; post = c.PostEntityImages["PostImage"]; }));
        var service = _dataverse.GetService();
        var id = service.CreateAccount("Old name", "A-1");

        service.Update(new Entity("account", id) { ["name"] = "New name" });

        Assert.Equal("Old name", pre!["name"]);
        Assert.False(pre.Contains("accountnumber"));
        Assert.Equal("New name", post!["name"]);
        Assert.Equal("A-1", post["accountnumber"]);
    }

    [Fact]
    public void Filtering_attributes_skip_updates_that_do_not_touch_them()
    {
        var runs = 0;
        _dataverse.Plugins.RegisterStep(
            new StepRegistration("Update", "account", PipelineStage.PreOperation) { FilteringAttributes = new[] { "name" } },
            () => new DelegatePlugin(_ => runs++));
        var service = _dataverse.GetService();
        var id = service.CreateAccount("Contoso");

        service.Update(new Entity("account", id) { ["accountnumber"] = "A-2" });
        service.Update(new Entity("account", id) { ["name"] = "Contoso 2" });

        Assert.Equal(1, runs);
    }

    [Fact]
    public void Steps_of_a_stage_run_by_rank_and_share_variables_across_stages()
    {
        var seen = new List<string>();
        Register("Create", "account", PipelineStage.PreOperation, (c, _) => seen.Add("rank2:" + c.SharedVariables["from10"]), rank: 2);
        Register("Create", "account", PipelineStage.PreOperation, (c, _) => seen.Add("rank1:" + c.SharedVariables["from10"]), rank: 1);
        Register("Create", "account", PipelineStage.PreValidation, (c, _) => c.SharedVariables["from10"] = "hello");

        _dataverse.GetService().CreateAccount("Contoso");

        Assert.Equal(new[] { "rank1:hello", "rank2:hello" }, seen);
    }

    [Fact]
    public void A_nested_request_runs_one_level_deeper_with_the_parent_context_and_correlation()
    {
        IPluginExecutionContext? nested = null;
        IPluginExecutionContext? parent = null;
        Register("Create", "account", PipelineStage.PostOperation, (c, s) => { parent = c; s.CreateContact("Child", c.PrimaryEntityId); });
        Register("Create", "contact", PipelineStage.PostOperation, (c, _) => nested = c);

        _dataverse.GetService().CreateAccount("Contoso");

        Assert.Equal(2, nested!.Depth);
        Assert.Same(parent, nested.ParentContext);
        Assert.Equal(parent!.CorrelationId, nested.CorrelationId);
    }

    [Fact]
    public void A_plugin_can_call_as_another_user_while_the_initiating_user_stays()
    {
        var other = _dataverse.CreateUser("Other");
        IPluginExecutionContext? nested = null;
        _dataverse.Plugins.RegisterStep(
            new StepRegistration("Create", "account", PipelineStage.PostOperation),
            () => new DelegatePlugin((c, _, _, factory) => factory.CreateOrganizationService(other).CreateContact("Child")));
        Register("Create", "contact", PipelineStage.PostOperation, (c, _) => nested = c);

        _dataverse.GetService().CreateAccount("Contoso");

        Assert.Equal(other, nested!.UserId);
        Assert.Equal(_dataverse.SystemUserId, nested.InitiatingUserId);
    }

    [Fact]
    public void A_request_deeper_than_eight_fails_as_an_infinite_loop()
    {
        Register("Update", "account", PipelineStage.PostOperation, (c, s) => s.Update(new Entity("account", c.PrimaryEntityId) { ["description"] = "again" }));
        var service = _dataverse.GetService();
        var id = service.CreateAccount("Contoso");

        var fault = TestOrganization.Fault(() => service.Update(new Entity("account", id) { ["description"] = "start" }));

        Assert.Contains("infinite loop", fault.Message);
        Assert.False(service.Retrieve("account", id, new ColumnSet("description")).Contains("description"));
    }

    [Fact]
    public void InvalidPluginExecutionException_reaches_the_caller_as_a_fault_with_its_message_and_trace()
    {
        _dataverse.Plugins.RegisterStep(
            new StepRegistration("Create", "account", PipelineStage.PreValidation),
            () => new DelegatePlugin((_, _, tracing, _) =>
            {
                tracing.Trace("checking {0}", "name");
                throw new InvalidPluginExecutionException("Name is not allowed.");
            }));

        var fault = TestOrganization.Fault(() => _dataverse.GetService().CreateAccount("Contoso"));

        Assert.Equal(unchecked((int)0x80040265), fault.ErrorCode);
        Assert.Equal("Name is not allowed.", fault.Message);
        Assert.Contains("checking name", fault.TraceText);
        Assert.Equal(0, _dataverse.Count("account"));
        Assert.Contains("checking name", _dataverse.Traces.Last!.Text);
    }

    [Fact]
    public void Any_other_plugin_exception_is_an_unexpected_plugin_fault()
    {
        Register("Create", "account", PipelineStage.PreOperation, (_, _) => throw new InvalidOperationException("boom"));

        var fault = TestOrganization.Fault(() => _dataverse.GetService().CreateAccount("Contoso"));

        Assert.Equal(unchecked((int)0x80040224), fault.ErrorCode);
        Assert.Contains("boom", fault.Message);
    }

    [Fact]
    public void An_asynchronous_step_runs_after_the_commit_outside_the_transaction()
    {
        var seen = new List<string>();
        Register("Create", "account", PipelineStage.PostOperation, (c, _) => seen.Add("sync"));
        Register("Create", "account", PipelineStage.PostOperation, (c, s) =>
        {
            seen.Add($"async:{c.Mode}:{c.IsInTransaction}:{s.Retrieve("account", c.PrimaryEntityId, new ColumnSet("name"))["name"]}");
        }, StepMode.Asynchronous);

        _dataverse.GetService().CreateAccount("Contoso");

        Assert.Equal(new[] { "sync", "async:1:False:Contoso" }, seen);
    }

    [Fact]
    public void A_failing_asynchronous_step_does_not_fail_the_request()
    {
        Register("Create", "account", PipelineStage.PostOperation, (_, _) => throw new InvalidPluginExecutionException("job failed"), StepMode.Asynchronous);

        _dataverse.GetService().CreateAccount("Contoso");

        Assert.Equal(1, _dataverse.Count("account"));
        Assert.Equal("job failed", Assert.Single(_dataverse.AsyncFailures).Error.Message);
    }

    [Fact]
    public void Asynchronous_steps_of_a_rolled_back_request_never_run()
    {
        var ran = false;
        Register("Create", "account", PipelineStage.PostOperation, (_, _) => ran = true, StepMode.Asynchronous);
        Register("Create", "account", PipelineStage.PostOperation, (_, _) => throw new InvalidPluginExecutionException("no"));

        TestOrganization.Fault(() => _dataverse.GetService().CreateAccount("Contoso"));

        Assert.False(ran);
    }

    [Fact]
    public void A_plugin_instance_is_created_once_and_reused()
    {
        var created = 0;
        _dataverse.Plugins.RegisterStep(new StepRegistration("Create", "account", PipelineStage.PreOperation), () =>
        {
            created++;
            return new DelegatePlugin(_ => { });
        });
        var service = _dataverse.GetService();

        service.CreateAccount("A");
        service.CreateAccount("B");

        Assert.Equal(1, created);
    }

    [Fact]
    public void Invalid_step_registrations_are_refused()
    {
        Assert.Throws<ArgumentException>(() => _dataverse.Plugins.RegisterStep(new StepRegistration("Create", "account", PipelineStage.PreOperation, StepMode.Asynchronous), () => new DelegatePlugin(_ => { })));
        Assert.Throws<ArgumentException>(() => _dataverse.Plugins.RegisterStep(new StepRegistration { MessageName = "Create", PrimaryEntity = "account", Stage = 30 }, () => new DelegatePlugin(_ => { })));
        Assert.Throws<ArgumentException>(() => _dataverse.Plugins.RegisterStep(new StepRegistration("Create", "account", PipelineStage.PostOperation) { PreImageAttributes = new[] { "name" } }, () => new DelegatePlugin(_ => { })));
    }

    [Fact]
    public void A_step_registered_with_an_integer_stage_and_no_entity_runs_for_every_table()
    {
        var tables = new List<string>();
        _dataverse.Plugins.RegisterStep(new StepRegistration { MessageName = "Create", Stage = 40 }, () => new DelegatePlugin(c => tables.Add(c.PrimaryEntityName)));
        var service = _dataverse.GetService();

        service.CreateAccount("A");
        service.CreateContact("B");

        Assert.Equal(new[] { "account", "contact" }, tables);
    }

    [Fact]
    public void Post_operation_plugins_can_change_the_response()
    {
        Register("RetrieveMultiple", "account", PipelineStage.PostOperation, (c, _) => ((EntityCollection)c.OutputParameters["BusinessEntityCollection"]).Entities.Clear());
        var service = _dataverse.GetService();
        service.CreateAccount("Hidden");

        Assert.Empty(service.RetrieveMultiple(new QueryExpression("account")).Entities);
    }

    [Fact]
    public void The_service_provider_offers_the_newer_context_interfaces_and_nothing_unknown()
    {
        var probe = new ProviderProbe();
        _dataverse.Plugins.RegisterStep(new StepRegistration("Create", "account", PipelineStage.PostOperation), () => probe);

        _dataverse.GetService().CreateAccount("Contoso");

        Assert.NotNull(probe.Context4);
        Assert.Equal(probe.Context4!.InitiatingUserId, probe.Context4.AuthenticatedUserId);
        Assert.Null(probe.Unknown);
    }

    private sealed class ProviderProbe : IPlugin
    {
        public IPluginExecutionContext4? Context4 { get; private set; }

        public object? Unknown { get; private set; }

        public void Execute(IServiceProvider serviceProvider)
        {
            Context4 = serviceProvider.GetService(typeof(IPluginExecutionContext4)) as IPluginExecutionContext4;
            Unknown = serviceProvider.GetService(typeof(IDisposable));
        }
    }
}
