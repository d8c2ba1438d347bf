using System;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using R = SegmentSync.Emulator.RegistrationTables;

namespace SegmentSync.Emulator.Tests;

/// <summary>Steps registered by writing sdkmessageprocessingstep records, as the Plug-in Registration Tool does.</summary>
public class PluginRegistrationTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();
    private readonly PluginRegistrationCatalog _catalog;
    private readonly Guid _pluginType;

    public PluginRegistrationTests()
    {
        _catalog = PluginRegistrationCatalog.Install(_dataverse);
        _pluginType = _catalog.AddPluginType(typeof(TracingPlugin));
    }

    /// <summary>Traces the message and the step's unsecure configuration, so a test sees that and how it ran.</summary>
    public sealed class TracingPlugin(string unsecureConfiguration, string secureConfiguration) : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
            tracing.Trace("ran {0} at {1} with '{2}'{3}", context.MessageName, context.Stage, unsecureConfiguration, secureConfiguration);
        }
    }

    private Entity Step(string message, string? table, int stage = 20, string? configuration = null)
    {
        var step = new Entity(R.Step)
        {
            ["name"] = "tracing: " + message,
            [R.EventHandler] = new EntityReference(R.PluginType, _pluginType),
            [R.MessageId] = new EntityReference(R.Message, PluginRegistrationCatalog.MessageIdOf(message)),
            [R.Stage] = new OptionSetValue(stage),
            [R.Rank] = 1,
            [R.Configuration] = configuration,
        };
        if (table != null) step[R.MessageFilterId] = new EntityReference(R.MessageFilter, PluginRegistrationCatalog.FilterIdOf(message, table));
        return step;
    }

    private int Runs(string text) => _dataverse.Traces.All.Count(t => t.Text.Contains(text));

    [Fact]
    public void The_catalog_lists_messages_with_a_filter_per_table_for_table_messages_and_none_for_the_others()
    {
        var service = _dataverse.GetService();
        var query = new QueryExpression(R.MessageFilter) { ColumnSet = new ColumnSet(R.PrimaryObjectTypeCode) };
        query.Criteria.AddCondition(R.MessageId, ConditionOperator.Equal, PluginRegistrationCatalog.MessageIdOf("Update"));
        var updateTables = service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>(R.PrimaryObjectTypeCode)).ToList();
        query.Criteria.Conditions[0].Values[0] = PluginRegistrationCatalog.MessageIdOf("WhoAmI");
        var whoAmI = service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>(R.PrimaryObjectTypeCode)).ToList();

        Assert.Contains("account", updateTables);
        Assert.Contains("contact", updateTables);
        Assert.Equal(new[] { R.NoEntity }, whoAmI);
        Assert.Equal("Update", service.Retrieve(R.Message, PluginRegistrationCatalog.MessageIdOf("Update"), new ColumnSet("name"))["name"]);
    }

    [Fact]
    public void Creating_a_step_record_registers_the_step_with_its_configuration_on_its_table_only()
    {
        var service = _dataverse.GetService();
        service.Create(Step("Create", "account", configuration: "cfg"));

        service.CreateAccount("Contoso");
        service.Create(new Entity("contact") { ["lastname"] = "Not on this table" });

        Assert.Equal(1, Runs("ran Create at 20 with 'cfg'"));
    }

    [Fact]
    public void Updating_a_step_record_changes_the_step_and_disabling_it_stops_it()
    {
        var service = _dataverse.GetService();
        var id = service.Create(Step("Create", "account"));

        service.Update(new Entity(R.Step, id) { [R.Stage] = new OptionSetValue(40) });
        service.CreateAccount("One");
        service.Update(new Entity(R.Step, id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
        service.CreateAccount("Two");

        Assert.Equal(0, Runs("ran Create at 20"));
        Assert.Equal(1, Runs("ran Create at 40"));
        Assert.Empty(_dataverse.Plugins.Steps);
    }

    [Fact]
    public void Deleting_a_step_record_unregisters_the_step()
    {
        var service = _dataverse.GetService();
        var id = service.Create(Step("Create", "account"));

        service.Delete(R.Step, id);
        service.CreateAccount("Contoso");

        Assert.Equal(0, Runs("ran Create"));
        Assert.Empty(_dataverse.Plugins.Steps);
    }

    [Fact]
    public void A_step_on_a_message_without_a_table_runs_for_that_message()
    {
        _dataverse.GetService().Create(Step("WhoAmI", R.NoEntity));

        _dataverse.GetService().Execute(new OrganizationRequest("WhoAmI"));

        Assert.Equal(1, Runs("ran WhoAmI"));
    }

    [Fact]
    public void A_step_written_in_a_transaction_that_rolls_back_is_never_registered()
    {
        var request = new ExecuteTransactionRequest
        {
            Requests = new OrganizationRequestCollection
            {
                new CreateRequest { Target = Step("Create", "account") },
                new CreateRequest { Target = new Entity("account") }, // no name, which is required
            },
        };

        Assert.Throws<FaultException<OrganizationServiceFault>>(() => _dataverse.GetService().Execute(request));

        Assert.Empty(_dataverse.Plugins.Steps);
        Assert.Equal(0, _dataverse.Count(R.Step));
    }

    [Fact]
    public void A_user_without_the_step_privileges_is_refused_and_nothing_is_registered()
    {
        var maker = _dataverse.CreateUser("Maker");

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _dataverse.GetService(maker).Create(Step("Create", "account")));

        Assert.Equal(ErrorCodes.PrivilegeDenied, error.Detail.ErrorCode);
        Assert.Contains(R.CreateStepPrivilege, error.Detail.Message);
        Assert.Empty(_dataverse.Plugins.Steps);
    }

    [Fact]
    public void A_customizer_with_the_step_privileges_registers_changes_and_deletes_steps()
    {
        _dataverse.Security.AddRole("System Customizer", [R.CreateStepPrivilege, R.WriteStepPrivilege, R.DeleteStepPrivilege]);
        var customizer = _dataverse.CreateUser("Customizer");
        _dataverse.Security.AssignRole(customizer, "System Customizer");
        var service = _dataverse.GetService(customizer);

        var id = service.Create(Step("Create", "account"));
        service.Update(new Entity(R.Step, id) { [R.Rank] = 2 });
        Assert.Equal(2, Assert.Single(_dataverse.Plugins.Steps).Rank);
        service.Delete(R.Step, id);

        Assert.Empty(_dataverse.Plugins.Steps);
    }

    [Theory]
    [InlineData("plug-in type that does not exist")]
    [InlineData("filter of another message")]
    [InlineData("stage 30")]
    [InlineData("asynchronous pre-operation")]
    [InlineData("filter that allows no custom steps")]
    public void An_invalid_step_record_is_refused_naming_the_problem(string problem)
    {
        var step = Step("Create", "account");
        var expected = problem switch
        {
            "plug-in type that does not exist" => Set(step, R.EventHandler, new EntityReference(R.PluginType, Guid.NewGuid()), "plugintype With Id"),
            "filter of another message" => Set(step, R.MessageFilterId, new EntityReference(R.MessageFilter, PluginRegistrationCatalog.FilterIdOf("Update", "account")), "belongs to another message"),
            "stage 30" => Set(step, R.Stage, new OptionSetValue(30), "stage 30 belongs to the message"),
            "asynchronous pre-operation" => Set(step, R.Mode, new OptionSetValue(1), "post-operation stage (40)"),
            _ => LockFilter("Create", "account", "Custom SdkMessageProcessingStep is not allowed on the specified message and entity."),
        };

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _dataverse.GetService().Create(step));

        Assert.Contains(expected, error.Detail.Message);
        Assert.Equal(0, _dataverse.Count(R.Step));
        Assert.Empty(_dataverse.Plugins.Steps);
    }

    [Fact]
    public void After_a_restore_the_registered_steps_are_exactly_the_enabled_step_records()
    {
        var service = _dataverse.GetService();
        service.Create(Step("Create", "account"));
        var disabled = service.Create(Step("Update", "account"));
        service.Update(new Entity(R.Step, disabled) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
        var snapshot = _dataverse.Snapshot();

        var restarted = TestOrganization.Create();
        PluginRegistrationCatalog.Install(restarted).AddPluginType(typeof(TracingPlugin));
        restarted.Restore(snapshot);
        restarted.GetService().CreateAccount("Contoso");

        var step = Assert.Single(restarted.Plugins.Steps);
        Assert.Equal("Create", step.MessageName);
        Assert.Single(restarted.Traces.All, t => t.Text.Contains("ran Create at 20"));
    }

    [Fact]
    public void A_restored_step_of_a_plug_in_type_that_is_not_loaded_stays_a_record_and_does_not_run()
    {
        _dataverse.GetService().Create(Step("Create", "account"));
        var snapshot = _dataverse.Snapshot();

        var restarted = TestOrganization.Create();
        PluginRegistrationCatalog.Install(restarted);
        restarted.Restore(snapshot);
        restarted.GetService().CreateAccount("Contoso");

        Assert.Empty(restarted.Plugins.Steps);
        Assert.Equal(1, restarted.Count(R.Step));
    }

    private string LockFilter(string message, string table, string expected)
    {
        _dataverse.GetService().Update(new Entity(R.MessageFilter, PluginRegistrationCatalog.FilterIdOf(message, table)) { [R.CustomStepsAllowed] = false });
        return expected;
    }

    private static string Set(Entity step, string column, object value, string message)
    {
        step[column] = value;
        return message;
    }
}
