using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class CustomMessageTests
{
    private sealed class RenameExecutor : IMessageExecutor
    {
        public string MessageName => "new_Rename";

        public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var id = RequestParameters.Required<Guid>(request, "AccountId");
            if (!context.Exists("account", id)) throw DataverseFault.DoesNotExist("account", id);
            context.Write("account", id, new Entity("account", id) { ["name"] = RequestParameters.Required<string>(request, "Name") });
            var response = new OrganizationResponse { ResponseName = MessageName };
            response["RenamedBy"] = context.UserId;
            return response;
        }
    }

    [Fact]
    public void A_custom_message_runs_through_the_pipeline_with_its_steps()
    {
        var dataverse = TestOrganization.Create();
        dataverse.AddMessage(new RenameExecutor());
        var stages = new System.Collections.Generic.List<int>();
        dataverse.Plugins.RegisterStep(new StepRegistration("new_Rename", null, PipelineStage.PostOperation), () => new DelegatePlugin(c => stages.Add(c.Stage)));
        var service = dataverse.GetService();
        var id = service.CreateAccount("Old");

        var response = service.Execute(new OrganizationRequest("new_Rename") { ["AccountId"] = id, ["Name"] = "New" });

        Assert.Equal(dataverse.SystemUserId, response["RenamedBy"]);
        Assert.Equal("New", service.Retrieve("account", id, new ColumnSet("name"))["name"]);
        Assert.Equal(new[] { 40 }, stages);
        Assert.Equal(1, dataverse.Requests.CountOf("new_Rename"));
    }

    [Fact]
    public void A_custom_message_failure_rolls_back_and_reaches_the_caller()
    {
        var dataverse = TestOrganization.Create();
        dataverse.AddMessage(new RenameExecutor());
        var missing = Guid.NewGuid();

        var fault = TestOrganization.Fault(() => dataverse.GetService().Execute(new OrganizationRequest("new_Rename") { ["AccountId"] = missing, ["Name"] = "x" }));

        Assert.Equal($"account With Id = {missing} Does Not Exist", fault.Message);
    }

    [Fact]
    public void A_message_name_can_be_registered_once()
    {
        var dataverse = TestOrganization.Create();
        dataverse.AddMessage(new RenameExecutor());

        Assert.Throws<ArgumentException>(() => dataverse.AddMessage(new RenameExecutor()));
        Assert.Throws<ArgumentException>(() => dataverse.AddMessage(new CreateLookalike()));
    }

    private sealed class CreateLookalike : IMessageExecutor
    {
        public string MessageName => "Create";

        public OrganizationResponse Execute(OrganizationRequest request, MessageContext context) => new();
    }
}
