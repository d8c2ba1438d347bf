using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using SegmentSync.Solution.Content;
using Xunit;

namespace SegmentSync.Plugins.Tests.Security;

/// <summary>
/// The Custom APIs need the execute privilege the solution sets: the integration role grants the import, refresh and
/// release APIs'; the guard set-up needs the platform's own step privilege, which neither of SegmentSync's roles grants.
/// </summary>
public class ExecutePrivilegeTests
{
    private readonly ImportHarness _h = new(10);

    [Fact]
    public void EveryCustomApi_NamesAnExecutePrivilege_ThatTheIntegrationRoleGrants_AndTheReaderRoleDoesNot()
    {
        var roles = _h.Environment.Dataverse.Security.Roles.ToDictionary(r => r.Name);
        Assert.NotEmpty(CustomApis.All);
        foreach (var api in CustomApis.All)
        {
            Assert.False(string.IsNullOrEmpty(api.ExecutePrivilegeName));
            if (api.UniqueName == GuardSetupApi.ConfigureGuard)
            {
                Assert.Equal(PluginRegistrationTables.Step.CreatePrivilege, api.ExecutePrivilegeName);
                Assert.DoesNotContain(api.ExecutePrivilegeName, roles[SegmentSyncSolution.IntegrationRoleName].Privileges);
            }
            else
            {
                Assert.Contains(api.ExecutePrivilegeName, roles[SegmentSyncSolution.IntegrationRoleName].Privileges);
            }

            Assert.DoesNotContain(api.ExecutePrivilegeName, roles[SegmentSyncSolution.RunHistoryReaderRoleName].Privileges);
            Assert.Equal(api.ExecutePrivilegeName, _h.Environment.Dataverse.Plugins.CustomApis.Single(a => a.UniqueName == api.UniqueName).ExecutePrivilegeName);
        }
    }

    [Fact]
    public void TheIntegrationUser_Imports()
    {
        var client = new SegmentImportClient(_h.Environment.Service(_h.Environment.CreateIntegrationUser()));

        var outcome = client.Import(ImportHarness.Export(), ImportHarness.Ids(_h.Contacts.Take(4)), batchSize: 2);

        Assert.Equal("Applied", outcome.Final.Status);
        Assert.True(_h.MembersOf(outcome.Final.SegmentId).SetEquals(_h.Contacts.Take(4)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(SegmentSyncSolution.RunHistoryReaderRoleName)]
    public void AUserWithoutTheIntegrationRole_IsRefusedBothApis_NamingThePrivilege_AndNothingChanges(string? role)
    {
        var first = _h.Import(_h.Contacts.Take(3)).Final;
        var pending = _h.Client.Send(ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1)), ImportHarness.Ids(_h.Contacts.Take(2)), Guid.NewGuid(), 1, 2);
        var maker = _h.Environment.Dataverse.CreateUser("A maker");
        if (role != null)
        {
            _h.Environment.Dataverse.Security.AssignRole(maker, role);
        }

        var before = _h.Fingerprint();
        var client = new SegmentImportClient(_h.Environment.Service(maker));

        var import = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            client.Send(ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(2)), ImportHarness.Ids(_h.Contacts.Skip(5).Take(3))));
        var resume = Assert.Throws<FaultException<OrganizationServiceFault>>(() => client.Continue(pending.ImportId));

        foreach (var error in new[] { import, resume })
        {
            Assert.Equal(ErrorCodes.PrivilegeDenied, error.Detail.ErrorCode);
            Assert.Contains(ExternalSegmentTable.WritePrivilege, error.Detail.Message);
        }

        Assert.Contains(SegmentImportApi.ImportSegment, import.Detail.Message);
        Assert.Contains(SegmentImportApi.ContinueSegmentImport, resume.Detail.Message);
        Assert.Equal(before, _h.Fingerprint());
        Assert.True(_h.MembersOf(first.SegmentId).SetEquals(_h.Contacts.Take(3)));
    }

    [Fact]
    public void TakingTheRoleAway_RefusesTheNextCall()
    {
        var user = _h.Environment.CreateIntegrationUser();
        var client = new SegmentImportClient(_h.Environment.Service(user));
        var importId = Guid.NewGuid();
        client.Send(ImportHarness.Export(), ImportHarness.Ids(_h.Contacts.Take(2)), importId, 1, 2);

        _h.Environment.Dataverse.Security.RemoveRole(user, SegmentSyncSolution.IntegrationRoleName);

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            client.Send(ImportHarness.Export(), ImportHarness.Ids(_h.Contacts.Skip(2).Take(2)), importId, 2, 2));
        Assert.Equal(ErrorCodes.PrivilegeDenied, error.Detail.ErrorCode);
        Assert.Equal(0, _h.SegmentCount);
    }
}
