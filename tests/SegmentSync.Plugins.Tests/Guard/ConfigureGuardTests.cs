using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Emulator;
using SegmentSync.Emulator.Journeys;
using SegmentSync.LocalEnvironment;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Targets;
using SegmentSync.Plugins.Tests.Import;
using Xunit;
using Api = SegmentSync.Plugins.Schema.GuardSetupApi;
using Reg = SegmentSync.Plugins.Schema.PluginRegistrationTables;

namespace SegmentSync.Plugins.Tests.Guard;

/// <summary>
/// segsync_ConfigureGuard registers the manual-edit guard's steps by name in whatever segment models an environment
/// has, idempotently, and only for users who may register steps.
/// </summary>
public class ConfigureGuardTests
{
    private static readonly int OutboundSteps = PluginSteps.OutboundGuard.Count;
    private static readonly int RealTimeSteps = PluginSteps.RealTimeGuard.Count;

    private static List<Entity> StepRecords(SegmentSyncEnvironment environment) =>
        environment.Service().RetrieveMultiple(new QueryExpression(Reg.Step.LogicalName) { ColumnSet = new ColumnSet(true) }).Entities.ToList();

    private static IReadOnlyList<StepRegistration> GuardSteps(SegmentSyncEnvironment environment) =>
        environment.Dataverse.Plugins.Steps.Where(s => s.Name != null && s.Name.StartsWith(PluginSteps.GuardPluginType, StringComparison.Ordinal)).ToList();

    private static void AssertCounts(OrganizationResponse response, int created, int updated, int removed, int active)
    {
        Assert.Equal(created, response[Api.StepsCreated]);
        Assert.Equal(updated, response[Api.StepsUpdated]);
        Assert.Equal(removed, response[Api.StepsRemoved]);
        Assert.Equal(active, response[Api.StepsActive]);
    }

    [Theory]
    [InlineData(JourneysModels.Both, "Outbound,RealTime")]
    [InlineData(JourneysModels.Outbound, "Outbound")]
    [InlineData(JourneysModels.RealTime, "RealTime")]
    public void Enabling_RegistersTheStepsOfTheModelsTheEnvironmentHas_AsStepRecordsTheDataverseRuns(JourneysModels models, string expected)
    {
        var environment = SegmentSyncEnvironment.Create(models: models);
        environment.ConfigureGuard(enabled: false);

        var response = environment.ConfigureGuard(enabled: true);

        var wanted = (models.HasFlag(JourneysModels.Outbound) ? PluginSteps.OutboundGuard : []).Concat(models.HasFlag(JourneysModels.RealTime) ? PluginSteps.RealTimeGuard : []).ToList();
        Assert.Equal(expected, response[Api.SegmentModels]);
        Assert.Equal(string.Empty, response[Api.MessagesSkipped]);
        AssertCounts(response, wanted.Count, 0, 0, wanted.Count);
        Assert.Equal(wanted.Select(w => w.Name).Order(), StepRecords(environment).Select(r => r.GetAttributeValue<string>(Reg.Step.Name)).Order());
        Assert.All(StepRecords(environment), r => Assert.Equal(PluginSteps.PreOperation, r.GetAttributeValue<OptionSetValue>(Reg.Step.Stage).Value));
        Assert.Equal(wanted.Select(w => (w.MessageName, w.PrimaryEntity == "none" ? null : w.PrimaryEntity)).Order(),
            GuardSteps(environment).Select(s => (s.MessageName, s.PrimaryEntity == "none" ? null : s.PrimaryEntity)).Order());
    }

    [Fact]
    public void EnablingTwice_ChangesNothing()
    {
        var environment = SegmentSyncEnvironment.Create();
        var before = StepRecords(environment).Select(r => r.Id).Order().ToList();

        var response = environment.ConfigureGuard(enabled: true);

        AssertCounts(response, 0, 0, 0, OutboundSteps + RealTimeSteps);
        Assert.Equal(before, StepRecords(environment).Select(r => r.Id).Order());
        Assert.Equal(OutboundSteps + RealTimeSteps, GuardSteps(environment).Count);
    }

    [Theory]
    [InlineData(SegmentTargetOption.Outbound)]
    [InlineData(SegmentTargetOption.RealTime)]
    public void Disabling_RemovesEveryStep_SoAManualChangePasses_AndEnablingAgainBlocksIt(SegmentTargetOption target)
    {
        var h = new ImportHarness(30, target);
        var segment = h.Import(h.Contacts.Take(5)).Final.SegmentId;

        var off = h.Environment.ConfigureGuard(enabled: false);
        h.EditByHand(segment, add: true, h.Contacts[20]);
        var on = h.Environment.ConfigureGuard(enabled: true);

        AssertCounts(off, 0, 0, OutboundSteps + RealTimeSteps, 0);
        Assert.Equal(string.Empty, off[Api.SegmentModels]);
        Assert.Contains(h.Contacts[20], h.MembersOf(segment));
        AssertCounts(on, OutboundSteps + RealTimeSteps, 0, 0, OutboundSteps + RealTimeSteps);
        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => h.EditByHand(segment, add: true, h.Contacts[21]));
        Assert.Contains("managed by SegmentSync", error.Detail.Message);
    }

    [Fact]
    public void AStepAnAdminDisabledOrChanged_IsRestored()
    {
        var environment = SegmentSyncEnvironment.Create();
        var records = StepRecords(environment);
        var update = records.Single(r => r.GetAttributeValue<string>(Reg.Step.Name) == PluginSteps.OutboundGuard[0].Name);
        var message = records.First(r => r.GetAttributeValue<string>(Reg.Step.Name) == PluginSteps.RealTimeGuard[1].Name);
        environment.Service().Update(new Entity(Reg.Step.LogicalName, update.Id) { [Reg.Step.FilteringAttributes] = OutboundSegmentTable.Name });
        environment.Service().Update(new Entity(Reg.Step.LogicalName, message.Id) { [Reg.Step.StateCode] = new OptionSetValue(1), [Reg.Step.StatusCode] = new OptionSetValue(2) });
        Assert.Equal(OutboundSteps + RealTimeSteps - 1, GuardSteps(environment).Count);

        var response = environment.ConfigureGuard(enabled: true);

        AssertCounts(response, 0, 2, 0, OutboundSteps + RealTimeSteps);
        Assert.Equal(OutboundSteps + RealTimeSteps, GuardSteps(environment).Count);
        var restored = GuardSteps(environment).Single(s => s.Id == update.Id);
        Assert.Equal(PluginSteps.OutboundGuard[0].FilteringAttributes.Split(',').Order(), restored.FilteringAttributes!.Order());
    }

    [Fact]
    public void AUserWhoMayNotRegisterSteps_IsRefused_NamingThePrivilege_AndNothingChanges()
    {
        var environment = SegmentSyncEnvironment.Create();
        environment.ConfigureGuard(enabled: false);
        var integration = environment.CreateIntegrationUser();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => environment.ConfigureGuard(enabled: true, integration));

        Assert.Equal(ErrorCodes.PrivilegeDenied, error.Detail.ErrorCode);
        Assert.Contains(Reg.Step.CreatePrivilege, error.Detail.Message);
        Assert.Contains(Api.ConfigureGuard, error.Detail.Message);
        Assert.Empty(StepRecords(environment));
        Assert.Empty(GuardSteps(environment));
    }

    [Fact]
    public void ACustomizerWithTheStepPrivileges_ConfiguresTheGuard()
    {
        var environment = SegmentSyncEnvironment.Create();
        environment.Dataverse.Security.AddRole("System Customizer", [Reg.Step.CreatePrivilege, RegistrationTables.WriteStepPrivilege, RegistrationTables.DeleteStepPrivilege]);
        var customizer = environment.Dataverse.CreateUser("Customizer");
        environment.Dataverse.Security.AssignRole(customizer, "System Customizer");

        AssertCounts(environment.ConfigureGuard(enabled: false, customizer), 0, 0, OutboundSteps + RealTimeSteps, 0);
        AssertCounts(environment.ConfigureGuard(enabled: true, customizer), OutboundSteps + RealTimeSteps, 0, 0, OutboundSteps + RealTimeSteps);
    }

    [Fact]
    public void AMessageTheEnvironmentLacks_IsReported_AndTheOtherStepsAreRegistered()
    {
        var environment = SegmentSyncEnvironment.Create(models: JourneysModels.Outbound);
        environment.ConfigureGuard(enabled: false);
        var missing = OutboundSegmentTable.IncludeMemberMessage;
        var service = environment.Service();
        service.Delete(RegistrationTables.MessageFilter, PluginRegistrationCatalog.FilterIdOf(missing, RegistrationTables.NoEntity));
        service.Delete(RegistrationTables.Message, PluginRegistrationCatalog.MessageIdOf(missing));

        var response = environment.ConfigureGuard(enabled: true);

        Assert.Equal(missing + " (" + Api.NotInEnvironment + ")", response[Api.MessagesSkipped]);
        AssertCounts(response, OutboundSteps - 1, 0, 0, OutboundSteps - 1);
        Assert.DoesNotContain(GuardSteps(environment), s => s.MessageName == missing);
    }

    [Fact]
    public void AMessageThatAllowsNoCustomSteps_IsReported_AndTheOtherStepsAreRegistered()
    {
        var environment = SegmentSyncEnvironment.Create(models: JourneysModels.RealTime);
        environment.ConfigureGuard(enabled: false);
        var locked = PluginSteps.RealTimeGuard[0];
        environment.Service().Update(new Entity(RegistrationTables.MessageFilter, PluginRegistrationCatalog.FilterIdOf(locked.MessageName, locked.PrimaryEntity))
        {
            [RegistrationTables.CustomStepsAllowed] = false,
        });

        var response = environment.ConfigureGuard(enabled: true);

        Assert.Equal($"{locked.MessageName} of {locked.PrimaryEntity} ({Api.CustomStepsNotAllowed})", response[Api.MessagesSkipped]);
        AssertCounts(response, RealTimeSteps - 1, 0, 0, RealTimeSteps - 1);
    }

    [Fact]
    public void WithoutTheGuardPluginTypeRegistered_TheCallIsRefused_SayingToImportTheSolution()
    {
        var environment = SegmentSyncEnvironment.Create();
        environment.ConfigureGuard(enabled: false);
        var pluginType = environment.Service().RetrieveMultiple(new QueryByAttribute(Reg.PluginType.LogicalName) { Attributes = { Reg.PluginType.TypeName }, Values = { PluginSteps.GuardPluginType } }).Entities.Single();
        environment.Service().Delete(Reg.PluginType.LogicalName, pluginType.Id);

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => environment.ConfigureGuard(enabled: true));

        Assert.Contains(PluginSteps.GuardPluginType + " of assembly SegmentSync.Plugins is not registered", error.Detail.Message);
        Assert.Contains("Import (or update) the SegmentSync solution", error.Detail.Message);
        Assert.Empty(StepRecords(environment));
    }

    [Fact]
    public void WithoutEnabled_TheCallIsRefused()
    {
        var environment = SegmentSyncEnvironment.Create();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => environment.Service().Execute(new OrganizationRequest(Api.ConfigureGuard)));

        Assert.Contains(Api.Enabled, error.Detail.Message);
        Assert.Equal(OutboundSteps + RealTimeSteps, GuardSteps(environment).Count);
    }

    [Fact]
    public void AFailedRegistration_RollsBackEveryStepItWrote()
    {
        var environment = SegmentSyncEnvironment.Create();
        environment.ConfigureGuard(enabled: false);
        var creates = 0;
        environment.Dataverse.Faults.FailWhen(r => r.MessageName == "Create" && r.EntityName == Reg.Step.LogicalName && ++creates == 3);

        Assert.Throws<FaultException<OrganizationServiceFault>>(() => environment.ConfigureGuard(enabled: true));

        Assert.Empty(StepRecords(environment));
        Assert.Empty(GuardSteps(environment));
        AssertCounts(environment.ConfigureGuard(enabled: true), OutboundSteps + RealTimeSteps, 0, 0, OutboundSteps + RealTimeSteps);
    }
}
