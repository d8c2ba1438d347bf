using System.Xml.Linq;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using SegmentSync.Solution.Generation;
using Xunit;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;

namespace SegmentSync.Plugins.Tests.Refresh;

/// <summary>The refresh and release APIs' metadata: classic-workflow eligibility, registration, the solution files.</summary>
public class RefreshApiMetadataTests
{
    /// <summary>
    /// The documented rule, written out here independently of <see cref="ClassicWorkflowSupport"/> ("Use a custom API
    /// in a workflow", learn.microsoft.com/power-apps/developer/data-platform/custom-api): an Enabled-for-Workflow
    /// API is an action whose parameters and properties are Boolean, DateTime, Decimal, EntityReference (bound APIs
    /// only), Float, Integer, Money, Picklist, String or Guid; never Entity, EntityCollection or StringArray.
    /// </summary>
    private static readonly ApiFieldType[] WorkflowTypesForUnboundApis =
    {
        ApiFieldType.Boolean, ApiFieldType.DateTime, ApiFieldType.Decimal, ApiFieldType.Float, ApiFieldType.Integer,
        ApiFieldType.Money, ApiFieldType.Picklist, ApiFieldType.String, ApiFieldType.Guid,
    };

    [Fact]
    public void RefreshSegments_IsEnabledForClassicWorkflows_AndEveryParameterTypeIsOneWorkflowsSupport()
    {
        var api = CustomApis.All.Single(a => a.UniqueName == Api.RefreshSegments);

        Assert.True(api.IsWorkflowEnabled);
        Assert.False(api.IsFunction);
        Assert.All(api.RequestParameters.Concat(api.ResponseProperties), f => Assert.Contains(f.Type, WorkflowTypesForUnboundApis));
        Assert.Empty(ClassicWorkflowSupport.Problems(api));
    }

    [Fact]
    public void OnlyApisThatQualify_AreEnabledForWorkflow()
    {
        foreach (var api in CustomApis.All.Where(a => a.IsWorkflowEnabled))
        {
            Assert.False(api.IsFunction);
            Assert.All(api.RequestParameters.Concat(api.ResponseProperties), f => Assert.Contains(f.Type, WorkflowTypesForUnboundApis));
        }
    }

    [Fact]
    public void TheRule_RefusesTheImportApi_ForItsStringArray()
    {
        var problems = ClassicWorkflowSupport.Problems(SegmentImportApi.ImportSegmentDescriptor);

        Assert.Contains(problems, p => p.Contains("ContactIds is StringArray"));
        Assert.False(SegmentImportApi.ImportSegmentDescriptor.IsWorkflowEnabled);
        Assert.All(new[] { ApiFieldType.Entity, ApiFieldType.EntityCollection, ApiFieldType.StringArray, ApiFieldType.EntityReference },
            type => Assert.DoesNotContain(type, WorkflowTypesForUnboundApis));
    }

    [Fact]
    public void TheGeneratedCustomApiXml_SaysWorkflowSdkStepEnabled_ForTheRefreshOnly()
    {
        foreach (var api in CustomApis.All)
        {
            var xml = ComponentXml.CustomApi(api);
            Assert.Equal(api.UniqueName == Api.RefreshSegments ? "1" : "0", xml.Element("workflowsdkstepenabled")!.Value);
        }
    }

    [Fact]
    public void TheSolutionSource_CarriesTheFlag()
    {
        var root = Solution.SolutionConfig.FindRepositoryRoot(AppContext.BaseDirectory);
        var file = Path.Combine(root, "solution", "customapis", Api.RefreshSegments, "customapi.xml");

        Assert.Equal("1", XElement.Load(file).Element("workflowsdkstepenabled")!.Value);
        Assert.Equal("0", XElement.Load(Path.Combine(root, "solution", "customapis", Api.ReleaseSegment, "customapi.xml")).Element("workflowsdkstepenabled")!.Value);
    }

    [Fact]
    public void BothApis_AreRegisteredInTheLocalEnvironment_AsUnboundActionsWithTheirParameters()
    {
        var h = new ImportHarness(0);
        var apis = h.Environment.Dataverse.Plugins.CustomApis.ToDictionary(a => a.UniqueName);

        var refresh = apis[Api.RefreshSegments];
        Assert.False(refresh.IsFunction);
        Assert.Equal(new[] { Api.ExternalSegmentId, Api.RefreshStartedOn }, refresh.RequestParameters.Select(p => p.UniqueName));
        Assert.All(refresh.RequestParameters, p => Assert.True(p.IsOptional));
        var release = apis[Api.ReleaseSegment];
        Assert.False(Assert.Single(release.RequestParameters).IsOptional);
    }
}
