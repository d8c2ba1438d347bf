using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace SegmentSync.Emulator.Tests;

/// <summary>The optional "tag" parameter of a request, which Dataverse hands to plug-ins as the shared variable "tag".</summary>
public class TagTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();

    [Fact]
    public void A_tag_reaches_every_step_and_the_custom_api_plugin_as_a_shared_variable()
    {
        var seen = new List<object?>();
        _dataverse.Plugins.RegisterCustomApi(new CustomApiDefinition("new_Tagged"), () => new DelegatePlugin(c => seen.Add(c.SharedVariables.TryGetValue("tag", out var t) ? t : null)));
        _dataverse.Plugins.RegisterStep(new StepRegistration("Create", "account", PipelineStage.PreOperation), () => new DelegatePlugin(c => seen.Add(c.SharedVariables.TryGetValue("tag", out var t) ? t : null)));

        _dataverse.GetService().Execute(new OrganizationRequest("new_Tagged") { ["tag"] = "retry 2" });
        _dataverse.GetService().Execute(new OrganizationRequest("new_Tagged"));
        _dataverse.GetService().Execute(new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = new Entity("account") { ["name"] = "a" }, ["tag"] = "from a form" });

        Assert.Equal(new object?[] { "retry 2", null, "from a form" }, seen);
    }
}
