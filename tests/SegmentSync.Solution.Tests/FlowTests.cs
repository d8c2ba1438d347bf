using System.Text.Json.Nodes;
using System.Xml.Linq;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Content;
using SegmentSync.Solution.Generation;
using SegmentSync.Solution.Installing;
using SegmentSync.Solution.Packing;
using SegmentSync.Solution.Validation;
using Xunit;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;

namespace SegmentSync.Solution.Tests;

/// <summary>The refresh cloud flows: shaped like Dataverse's exports, in the packed zips, calling the APIs correctly.</summary>
public class FlowTests
{
    private static readonly PackedSolution Managed = PackedSolution.Open(PackedSolutionFixture.ManagedZip);

    private static JsonObject FlowJson(PackedSolution zip, string name)
    {
        var id = FlowXml.Id(SegmentSyncFlows.All.Single(f => f.Name == name)).ToString("D").ToUpperInvariant();
        var path = zip.Entries.Keys.Single(p => p.StartsWith("Workflows/", StringComparison.Ordinal) && p.EndsWith("-" + id + ".json", StringComparison.Ordinal));
        return JsonNode.Parse(XmlText.FromUtf8(zip.Bytes(path)))!.AsObject();
    }

    private static JsonObject Actions(JsonObject flow) => flow["properties"]!["definition"]!["actions"]!.AsObject();

    private static List<(string Name, JsonObject Action)> UnboundActions(JsonObject flow) =>
        FlowChecks.Actions(Actions(flow)).Where(a => a.Action["inputs"]?["host"]?["operationId"]?.GetValue<string>() == "PerformUnboundAction").ToList();

    [Fact]
    public void TheZips_CarryBothFlows_TheirWorkflowRows_AndTheConnectionReference()
    {
        foreach (var zip in new[] { Managed, PackedSolution.Open(PackedSolutionFixture.UnmanagedZip) })
        {
            var flows = zip.Entries.Keys.Where(p => p.StartsWith("Workflows/", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, flows.Count);
            Assert.All(flows, p => Assert.EndsWith(".json", p));
            var workflows = zip.Customizations.Element("Workflows")!.Elements("Workflow").ToList();
            Assert.Equal(new[] { SegmentSyncFlows.RefreshAllName, SegmentSyncFlows.RefreshOneName }.Order(StringComparer.Ordinal), workflows.Select(w => (string)w.Attribute("Name")!).Order(StringComparer.Ordinal));
            Assert.All(workflows, w => Assert.Contains(w.Element("JsonFileName")!.Value.TrimStart('/'), flows));
            Assert.All(workflows, w => Assert.Equal("5", w.Element("Category")!.Value));
            var reference = Assert.Single(zip.Customizations.Element("connectionreferences")!.Elements("connectionreference"));
            Assert.Equal(SegmentSyncFlows.Dataverse.LogicalName, (string)reference.Attribute("connectionreferencelogicalname")!);
            Assert.Equal("/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps", reference.Element("connectorid")!.Value);
            var roots = zip.Manifest.Descendants("RootComponent").Where(r => (string?)r.Attribute("type") == "29").Select(r => (string)r.Attribute("id")!).ToList();
            Assert.Equal(workflows.Select(w => (string)w.Attribute("WorkflowId")!).Order(), roots.Order());
            Assert.Contains("json", XmlText.FromUtf8(zip.Bytes("[Content_Types].xml")));
        }
    }

    [Fact]
    public void TheScheduledFlow_IsOffAfterImport_AndTheInstantFlowOn()
    {
        var workflows = Managed.Customizations.Element("Workflows")!.Elements("Workflow").ToDictionary(w => (string)w.Attribute("Name")!);

        Assert.Equal(("0", "1"), (workflows[SegmentSyncFlows.RefreshAllName].Element("StateCode")!.Value, workflows[SegmentSyncFlows.RefreshAllName].Element("StatusCode")!.Value));
        Assert.Equal(("1", "2"), (workflows[SegmentSyncFlows.RefreshOneName].Element("StateCode")!.Value, workflows[SegmentSyncFlows.RefreshOneName].Element("StatusCode")!.Value));
        var trigger = FlowJson(Managed, SegmentSyncFlows.RefreshAllName)["properties"]!["definition"]!["triggers"]!.AsObject().Single();
        Assert.Equal("Recurrence", trigger.Value!["type"]!.GetValue<string>());
        var manual = FlowJson(Managed, SegmentSyncFlows.RefreshOneName)["properties"]!["definition"]!["triggers"]!["manual"]!;
        Assert.Equal("Button", manual["kind"]!.GetValue<string>());
        Assert.Equal("text", manual["inputs"]!["schema"]!["required"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData(SegmentSyncFlows.RefreshAllName)]
    [InlineData(SegmentSyncFlows.RefreshOneName)]
    public void EveryUnboundAction_CallsACustomApi_WithParametersItAccepts(string name)
    {
        var flow = FlowJson(Managed, name);
        var unbound = UnboundActions(flow);

        Assert.NotEmpty(unbound);
        foreach (var (actionName, action) in unbound)
        {
            Assert.Equal("shared_commondataserviceforapps", action["inputs"]!["host"]!["connectionName"]!.GetValue<string>());
            var parameters = action["inputs"]!["parameters"]!.AsObject();
            var api = CustomApis.All.Single(a => a.UniqueName == parameters["actionName"]!.GetValue<string>());
            var passed = parameters.Select(p => p.Key).Where(k => k != "actionName").ToList();
            Assert.All(passed, key => Assert.StartsWith("item/", key));
            Assert.All(passed, key => Assert.Contains(api.RequestParameters, f => "item/" + f.UniqueName == key));
            Assert.All(api.RequestParameters.Where(f => !f.IsOptional), f => Assert.Contains("item/" + f.UniqueName, passed));
        }

        Assert.Empty(FlowChecks.CheckFlow(name, flow.ToJsonString(), new HashSet<string> { SegmentSyncFlows.Dataverse.LogicalName }, CustomApis.All));
    }

    [Fact]
    public void TheScheduledFlow_RefreshesEverySegment_ContinuesEachRun_AndAsksForTheNextStepUntilApplied()
    {
        var flow = FlowJson(Managed, SegmentSyncFlows.RefreshAllName);
        var actions = Actions(flow);
        var calls = UnboundActions(flow).ToDictionary(a => a.Name, a => a.Action["inputs"]!["parameters"]!.AsObject());

        Assert.Equal(Api.RefreshSegments, calls[SegmentSyncFlows.FirstRefresh]["actionName"]!.GetValue<string>());
        Assert.Single(calls[SegmentSyncFlows.FirstRefresh]);
        Assert.Equal(SegmentImportApi.ContinueSegmentImport, calls[SegmentSyncFlows.ContinueImport]["actionName"]!.GetValue<string>());
        Assert.Equal("@items('Continue_each_import')", calls[SegmentSyncFlows.ContinueImport]["item/ImportId"]!.GetValue<string>());
        Assert.Equal("@variables('RefreshStartedOn')", calls[SegmentSyncFlows.NextRefresh]["item/RefreshStartedOn"]!.GetValue<string>());
        var loop = actions[SegmentSyncFlows.Loop]!;
        Assert.Equal("Until", loop["type"]!.GetValue<string>());
        Assert.Contains("'Applied'", loop["expression"]!.GetValue<string>());
        var each = loop["actions"]![SegmentSyncFlows.ContinueEach]!;
        Assert.Equal("Foreach", each["type"]!.GetValue<string>());
        Assert.Contains("split(variables('ImportIds'), ',')", each["foreach"]!.GetValue<string>());
        Assert.Equal("Terminate", actions["Fail_the_run_if_anything_failed"]!["actions"]!["Terminate_as_failed"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void TheInstantFlow_PassesItsInputAsExternalSegmentId_OnEveryRefreshCall()
    {
        var calls = UnboundActions(FlowJson(Managed, SegmentSyncFlows.RefreshOneName))
            .Where(a => a.Action["inputs"]!["parameters"]!["actionName"]!.GetValue<string>() == Api.RefreshSegments).ToList();

        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("@triggerBody()?['text']", c.Action["inputs"]!["parameters"]!["item/ExternalSegmentId"]!.GetValue<string>()));
    }

    [Fact]
    public void TheChecks_ReportAFlowCallingAnUnknownApi_OrAParameterTheApiDoesNotAccept()
    {
        var flow = FlowJson(Managed, SegmentSyncFlows.RefreshAllName);
        var first = Actions(flow)[SegmentSyncFlows.FirstRefresh]!["inputs"]!["parameters"]!.AsObject();
        first["item/SegmentName"] = "x";
        var continueCall = Actions(flow)[SegmentSyncFlows.Loop]!["actions"]![SegmentSyncFlows.ContinueEach]!["actions"]![SegmentSyncFlows.ContinueImport]!["inputs"]!["parameters"]!.AsObject();
        continueCall.Remove("item/ImportId");
        var next = Actions(flow)[SegmentSyncFlows.Loop]!["actions"]![SegmentSyncFlows.NextRefresh]!["inputs"]!["parameters"]!.AsObject();
        next["actionName"] = "segsync_RefreshEverything";

        var problems = FlowChecks.CheckFlow("broken", flow.ToJsonString(), new HashSet<string>(), CustomApis.All);

        Assert.Contains(problems, p => p.Contains("passes SegmentName, which segsync_RefreshSegments does not accept"));
        Assert.Contains(problems, p => p.Contains("does not pass ImportId, which segsync_ContinueSegmentImport requires"));
        Assert.Contains(problems, p => p.Contains("performs 'segsync_RefreshEverything'"));
        Assert.Contains(problems, p => p.Contains("which Other/Customizations.xml does not declare"));
    }

    [Fact]
    public void TheChecks_ReportAnOutputTheApiDoesNotReturn()
    {
        var flow = FlowJson(Managed, SegmentSyncFlows.RefreshAllName);
        var text = flow.ToJsonString(FlowXml.JsonOptions).Replace("['body/ImportIds']", "['body/ImportId']", StringComparison.Ordinal);

        var problems = FlowChecks.CheckFlow("broken", text, new HashSet<string> { SegmentSyncFlows.Dataverse.LogicalName }, CustomApis.All);

        Assert.Contains(problems, p => p.Contains("reads ImportId from Refresh_segments, which segsync_RefreshSegments does not return"));
    }

    [SharedFact]
    public void TheCustomizationsWithFlows_ValidateAgainstTheSchema_OnceTheSectionsItPredatesAreSetAside()
    {
        var view = LegacySchemaView.Of(Managed.Customizations);

        Assert.Empty(CustomizationsSchema.Validate(view, Repository.SchemaFolder!));
        Assert.Null(view.Element("connectionreferences"));
        Assert.NotEmpty(view.Element("Workflows")!.Elements("Workflow"));
        Assert.NotEmpty(CustomizationsSchema.Validate(Managed.Customizations, Repository.SchemaFolder!));
    }

    [Fact]
    public void ThePacker_RefusesAWorkflowRowWithoutItsFlowFile()
    {
        var files = SolutionGenerator.Generate(Repository.Definition()).ToDictionary(f => f.Key, f => XmlText.Utf8(f.Value));
        files.Remove(files.Keys.First(k => k.StartsWith("Workflows/", StringComparison.Ordinal) && k.EndsWith(".json", StringComparison.Ordinal)));
        var source = SolutionSource.FromFiles("(memory)", files);

        var problems = FlowChecks.Check(source, CustomizationsBuilder.Build(source), CustomApis.All);

        Assert.Contains(problems, p => p.Contains("is missing"));
    }
}
