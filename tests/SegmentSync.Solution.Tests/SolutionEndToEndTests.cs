using Microsoft.Xrm.Sdk;
using SegmentSync.LocalEnvironment;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using Xunit;

namespace SegmentSync.Solution.Tests;

/// <summary>
/// Imports through an environment into which the packed zip was installed: the Custom APIs' metadata comes from the
/// zip and the plug-in that runs is the zip's net462 assembly, so any mismatch between the two fails here.
/// </summary>
public class SolutionEndToEndTests
{
    private readonly SegmentSyncEnvironment _environment = SegmentSyncEnvironment.FromSolution(PackedSolutionFixture.ManagedZip);
    private readonly List<Guid> _contacts = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();

    public SolutionEndToEndTests()
    {
        _environment.Dataverse.Seed(ContactTable.LogicalName, _contacts.Select(id => new Entity(ContactTable.LogicalName, id) { ["fullname"] = "Contact " + id.ToString("N")[..6] }));
    }

    private static SegmentExport Export(DateTime exportedOn) =>
        new("seg-e2e", "Solution end to end", "https://contoso.crm.dynamics.com/customerinsights/segments/e2e", exportedOn);

    [Fact]
    public void ABatchedImport_AppliesThroughThePackedSolution()
    {
        var client = new SegmentImportClient(_environment.Service());
        var ids = _contacts.Take(20).Select(c => c.ToString()).Append(Guid.NewGuid().ToString()).ToList();

        var outcome = client.Import(Export(DateTime.UtcNow.Date.AddHours(-2)), ids, batchSize: 7);

        Assert.Equal("Applied", outcome.Final.Status);
        Assert.Equal(20, outcome.Final.MembersMatched);
        Assert.Equal(1, outcome.Final.MembersIgnored);
        Assert.True(_environment.MembersOf(outcome.Final.SegmentId).ToHashSet().SetEquals(_contacts.Take(20)));
    }

    [Fact]
    public void ANewerExport_ReplacesTheMembership()
    {
        var client = new SegmentImportClient(_environment.Service());
        var first = client.Import(Export(DateTime.UtcNow.Date.AddHours(-5)), _contacts.Take(10).Select(c => c.ToString()).ToList()).Final;

        var second = client.Import(Export(DateTime.UtcNow.Date.AddHours(-1)), _contacts.Skip(5).Take(10).Select(c => c.ToString()).ToList()).Final;

        Assert.Equal(first.SegmentId, second.SegmentId);
        Assert.Equal(5, second.MembersAdded);
        Assert.Equal(5, second.MembersRemoved);
        Assert.True(_environment.MembersOf(second.SegmentId).ToHashSet().SetEquals(_contacts.Skip(5).Take(10)));
    }

    [Fact]
    public void AParameterTheMetadataDoesNotDeclare_IsRefusedByTheInstalledApi()
    {
        var request = new OrganizationRequest(SegmentImportApi.ContinueSegmentImport) { [SegmentImportApi.ImportId] = Guid.NewGuid(), ["NotAParameter"] = 1 };

        var error = Assert.ThrowsAny<Exception>(() => _environment.Service().Execute(request));

        Assert.Contains("NotAParameter", error.Message);
    }
}

/// <summary>The linked import suites (ImportSuites/) really run on the installed zip.</summary>
public class LinkedSuitesTests
{
    [Fact]
    public void TheImportHarness_HereUsesTheEnvironmentImportedFromTheZip()
    {
        var harness = new Plugins.Tests.Import.ImportHarness();

        // Only an install from the zip's customapi.xml carries the execute privilege; the direct registration does not.
        Assert.All(harness.Environment.Dataverse.Plugins.CustomApis, api => Assert.Equal(
            api.UniqueName == GuardSetupApi.ConfigureGuard ? PluginRegistrationTables.Step.CreatePrivilege : ExternalSegmentTable.WritePrivilege, api.ExecutePrivilegeName));
        Assert.Contains(System.Runtime.Loader.AssemblyLoadContext.All, c => c.Name?.StartsWith("plugin-", StringComparison.Ordinal) == true
            && c.Assemblies.Any(a => a.GetName().Name == "SegmentSync.Plugins"));
    }

    [Fact]
    public void TheZipsGuardSetUp_RegistersTheGuardSteps_WhichBlockAManualEdit()
    {
        var harness = new Plugins.Tests.Import.ImportHarness();
        var segment = harness.Import(harness.Contacts.Take(3)).Final.SegmentId;

        var guard = harness.Environment.Dataverse.Plugins.Steps.Where(s => s.Name?.StartsWith(PluginSteps.GuardPluginType, StringComparison.Ordinal) == true).ToList();

        Assert.Equal(PluginSteps.OutboundGuard.Count + PluginSteps.RealTimeGuard.Count, guard.Count);
        var error = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => harness.EditByHand(segment, add: true, harness.Contacts[5]));
        Assert.Contains("managed by SegmentSync", error.Detail.Message);
        var blockedBy = harness.Environment.Dataverse.Traces.All.Last(t => t.Text.Contains("Blocked"));
        Assert.Contains("ManagedSegmentGuardPlugin", blockedBy.Text);
    }
}
