using System.Text.Json;
using SegmentSync.Client.Push;
using SegmentSync.Plugins.Schema;
using SegmentSync.WebApi;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>`segsync guard on|off` as an administrator runs it against an environment.</summary>
public class GuardCommandLineTests
{
    private static readonly int AllSteps = PluginSteps.OutboundGuard.Count + PluginSteps.RealTimeGuard.Count;

    private static Task<(int ExitCode, string Output, string Errors)> Guard(TestHost host, string token, params string[] arguments) =>
        SegsyncProcess.RunAsync(host.Folder, token, ["guard", .. arguments, "--url", host.Server.BaseAddress.ToString()]);

    [Fact]
    public async Task Off_ThenOn_RemovesAndRegistersTheSteps_ReportingThem()
    {
        await using var host = await TestHost.StartAsync();

        var off = await Guard(host, host.Server.Token, "off");
        var stepsWhileOff = host.Environment.Dataverse.Count(PluginRegistrationTables.Step.LogicalName);
        var on = await Guard(host, host.Server.Token, "on", "--json");

        Assert.True(off.ExitCode == ExitCodes.Success, off.Errors);
        Assert.Contains($"{AllSteps} step(s) removed", off.Output);
        Assert.Equal(0, stepsWhileOff);
        Assert.True(on.ExitCode == ExitCodes.Success, on.Errors);
        using var result = JsonDocument.Parse(on.Output);
        Assert.Equal(AllSteps, result.RootElement.GetProperty("stepsActive").GetInt32());
        Assert.Equal(0, result.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(["Outbound", "RealTime"], result.RootElement.GetProperty("segmentModels").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(AllSteps, host.Environment.Dataverse.Count(PluginRegistrationTables.Step.LogicalName));
        Assert.DoesNotContain(host.Server.Token, on.Output + on.Errors + off.Output + off.Errors);
    }

    [Fact]
    public async Task TheIntegrationUser_IsNotAllowed_AndTheStepsStay()
    {
        var options = new EmulatorServerOptions();
        await using var host = await TestHost.StartAsync(options);
        var token = EmulatorServer.NewToken();
        options.UserTokens[token] = host.Environment.IntegrationUser();

        var (exitCode, output, errors) = await Guard(host, token, "off", "--json");

        Assert.Equal(ExitCodes.AuthenticationFailed, exitCode);
        using (var result = JsonDocument.Parse(output))
        {
            Assert.Equal(ExitCodes.AuthenticationFailed, result.RootElement.GetProperty("exitCode").GetInt32());
            Assert.Contains(PluginRegistrationTables.Step.CreatePrivilege, result.RootElement.GetProperty("error").GetString());
        }

        Assert.Contains(PluginRegistrationTables.Step.CreatePrivilege, errors);
        Assert.Contains("System Administrator or System Customizer", errors);
        Assert.Equal(AllSteps, host.Environment.Dataverse.Count(PluginRegistrationTables.Step.LogicalName));
    }
}
