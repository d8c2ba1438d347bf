using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class CustomApiTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();

    private void RegisterEcho(Action<IPluginExecutionContext, IOrganizationService> body, CustomProcessingStepType steps = CustomProcessingStepType.None)
    {
        var api = new CustomApiDefinition
        {
            UniqueName = "new_Echo",
            AllowedCustomProcessingStepType = steps,
            RequestParameters = { new CustomApiParameter("Text", CustomApiFieldType.String), new CustomApiParameter("Times", CustomApiFieldType.Integer, IsOptional: true) },
            ResponseProperties = { new CustomApiParameter("Echo", CustomApiFieldType.String), new CustomApiParameter("Length", CustomApiFieldType.Integer) },
        };
        _dataverse.Plugins.RegisterCustomApi(api, () => new DelegatePlugin(body));
    }

    [Fact]
    public void The_plugin_runs_at_the_main_operation_and_its_outputs_become_the_response()
    {
        IPluginExecutionContext? seen = null;
        RegisterEcho((c, _) =>
        {
            seen = c;
            c.OutputParameters["Echo"] = (string)c.InputParameters["Text"] + "!";
            c.OutputParameters["Undeclared"] = "dropped";
        });

        var response = _dataverse.GetService().Execute(new OrganizationRequest("new_Echo") { ["Text"] = "hi" });

        Assert.Equal("new_Echo", response.ResponseName);
        Assert.Equal("hi!", response["Echo"]);
        Assert.False(response.Results.ContainsKey("Length"));
        Assert.False(response.Results.ContainsKey("Undeclared"));
        Assert.Equal(30, seen!.Stage);
        Assert.True(seen.IsInTransaction);
    }

    [Fact]
    public void A_missing_required_parameter_is_a_fault_naming_it()
    {
        RegisterEcho((_, _) => { });

        var fault = TestOrganization.Fault(() => _dataverse.GetService().Execute(new OrganizationRequest("new_Echo") { ["Times"] = 2 }));

        Assert.Contains("'Text'", fault.Message);
    }

    [Fact]
    public void A_parameter_of_the_wrong_type_is_a_fault()
    {
        RegisterEcho((_, _) => { });

        var fault = TestOrganization.Fault(() => _dataverse.GetService().Execute(new OrganizationRequest("new_Echo") { ["Text"] = "x", ["Times"] = "two" }));

        Assert.Contains("'Times'", fault.Message);
    }

    [Fact]
    public void An_undeclared_parameter_is_a_fault()
    {
        RegisterEcho((_, _) => { });

        TestOrganization.Fault(() => _dataverse.GetService().Execute(new OrganizationRequest("new_Echo") { ["Text"] = "x", ["Other"] = 1 }));
    }

    [Fact]
    public void A_plugin_failure_rolls_back_its_writes_and_reaches_the_caller()
    {
        RegisterEcho((_, s) =>
        {
            s.CreateAccount("Written then rolled back");
            throw new InvalidPluginExecutionException("Echo refused.");
        });

        var fault = TestOrganization.Fault(() => _dataverse.GetService().Execute(new OrganizationRequest("new_Echo") { ["Text"] = "x" }));

        Assert.Equal("Echo refused.", fault.Message);
        Assert.Equal(0, _dataverse.Count("account"));
    }

    [Fact]
    public void Steps_on_an_api_are_accepted_only_when_it_allows_them()
    {
        RegisterEcho((c, _) => c.OutputParameters["Echo"] = "main", CustomProcessingStepType.AsyncOnly);
        var seen = new List<string>();

        Assert.Throws<ArgumentException>(() => _dataverse.Plugins.RegisterStep(new StepRegistration("new_Echo", null, PipelineStage.PostOperation), () => new DelegatePlugin(_ => { })));
        _dataverse.Plugins.RegisterStep(
            new StepRegistration("new_Echo", null, PipelineStage.PostOperation, StepMode.Asynchronous),
            () => new DelegatePlugin(c => seen.Add((string)c.OutputParameters["Echo"])));
        _dataverse.GetService().Execute(new OrganizationRequest("new_Echo") { ["Text"] = "x" });

        Assert.Equal(new[] { "main" }, seen);
    }
}
