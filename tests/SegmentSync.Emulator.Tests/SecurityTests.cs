using System;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace SegmentSync.Emulator.Tests;

/// <summary>The privilege model: roles, users, and the execute privilege of Custom APIs.</summary>
public class SecurityTests
{
    private const string Privilege = "prvWritenew_widget";
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();
    private int _runs;

    public SecurityTests()
    {
        var api = new CustomApiDefinition
        {
            UniqueName = "new_Guarded",
            ExecutePrivilegeName = Privilege,
            RequestParameters = { new CustomApiParameter("Text", CustomApiFieldType.String) },
        };
        _dataverse.Plugins.RegisterCustomApi(api, () => new DelegatePlugin(_ => _runs++));
    }

    private OrganizationRequest Call() => new("new_Guarded") { ["Text"] = "x" };

    [Fact]
    public void The_system_user_holds_every_privilege()
    {
        _dataverse.GetService().Execute(Call());

        Assert.Equal(1, _runs);
        Assert.True(_dataverse.Security.HasPrivilege(_dataverse.SystemUserId, "prvAnythingAtAll"));
    }

    [Fact]
    public void A_user_without_the_execute_privilege_is_refused_before_the_plugin_runs_and_the_fault_names_it()
    {
        var user = _dataverse.CreateUser("Mallory");

        var fault = TestOrganization.Fault(() => _dataverse.GetService(user).Execute(Call()));

        Assert.Equal(ErrorCodes.PrivilegeDenied, fault.ErrorCode);
        Assert.Contains(Privilege, fault.Message);
        Assert.Contains("new_Guarded", fault.Message);
        Assert.Contains(user.ToString(), fault.Message);
        Assert.Equal(0, _runs);
    }

    [Fact]
    public void The_privilege_is_checked_before_the_parameters()
    {
        var user = _dataverse.CreateUser("Mallory");

        var fault = TestOrganization.Fault(() => _dataverse.GetService(user).Execute(new OrganizationRequest("new_Guarded")));

        Assert.Equal(ErrorCodes.PrivilegeDenied, fault.ErrorCode);
    }

    [Fact]
    public void A_role_with_the_privilege_lets_its_holder_run_the_api_until_it_is_removed()
    {
        var user = _dataverse.CreateUser("Ada");
        _dataverse.Security.AddRole("Widget maker", new[] { "prvReadnew_widget", Privilege.ToUpperInvariant() });
        _dataverse.Security.AssignRole(user, "Widget maker");

        _dataverse.GetService(user).Execute(Call());
        _dataverse.Security.RemoveRole(user, "Widget maker");
        var fault = TestOrganization.Fault(() => _dataverse.GetService(user).Execute(Call()));

        Assert.Equal(1, _runs);
        Assert.Equal(ErrorCodes.PrivilegeDenied, fault.ErrorCode);
        Assert.Empty(_dataverse.Security.RolesOf(user));
    }

    [Fact]
    public void A_role_without_the_privilege_does_not_help()
    {
        var user = _dataverse.CreateUser("Bob");
        _dataverse.Security.AddRole("Reader", new[] { "prvReadnew_widget" });
        _dataverse.Security.AssignRole(user, "Reader");

        var fault = TestOrganization.Fault(() => _dataverse.GetService(user).Execute(Call()));

        Assert.Contains("roleCount=1", fault.Message);
    }

    [Fact]
    public void A_plugin_calling_the_api_needs_the_privilege_for_the_user_it_runs_as()
    {
        var user = _dataverse.CreateUser("Eve");
        _dataverse.Plugins.RegisterCustomApi(new CustomApiDefinition("new_Outer"), () => new DelegatePlugin((_, service) => service.Execute(Call())));

        var fault = TestOrganization.Fault(() => _dataverse.GetService(user).Execute(new OrganizationRequest("new_Outer")));
        _dataverse.GetService().Execute(new OrganizationRequest("new_Outer"));

        Assert.Equal(ErrorCodes.PrivilegeDenied, fault.ErrorCode);
        Assert.Equal(1, _runs);
    }

    [Fact]
    public void An_api_without_an_execute_privilege_is_open_to_every_user()
    {
        var user = _dataverse.CreateUser("Anyone");
        _dataverse.Plugins.RegisterCustomApi(new CustomApiDefinition("new_Open"), () => new DelegatePlugin(_ => _runs++));

        _dataverse.GetService(user).Execute(new OrganizationRequest("new_Open"));

        Assert.Equal(1, _runs);
    }

    [Fact]
    public void Roles_go_only_to_existing_users_and_must_be_defined_first()
    {
        Assert.Throws<ArgumentException>(() => _dataverse.Security.AssignRole(Guid.NewGuid(), "Reader"));
        Assert.Throws<ArgumentException>(() => _dataverse.Security.AssignRole(_dataverse.CreateUser("Ada"), "Undefined"));
    }
}
