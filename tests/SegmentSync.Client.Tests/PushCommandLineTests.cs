using System.Text.Json;
using SegmentSync.Client.Push;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>`segsync push` as a script runs it: a separate process, its exit code and its --json summary.</summary>
public class PushCommandLineTests
{
    private static Task<(int ExitCode, string Output, string Errors)> Push(string folder, string token, params string[] arguments) =>
        SegsyncProcess.RunAsync(folder, token, ["push", .. arguments, "--segment-url", "https://contoso.crm.dynamics.com/segments/{id}"]);

    [Fact]
    public async Task HappyPath_ExitsZero_AndWritesTheSummaryAsJson()
    {
        await using var host = await TestHost.StartAsync();
        var contacts = host.SeedContacts(5);
        var file = host.WriteCsv("export.csv", contacts.Select(c => c.ToString()).Append(Guid.NewGuid().ToString()));

        var (exitCode, output, errors) = await Push(host.Folder, host.Server.Token, file, "--url", host.Server.BaseAddress.ToString(),
            "--segment-id", "seg-1", "--json", "--state-dir", host.StateDirectory);

        Assert.True(exitCode == ExitCodes.Success, errors);
        Assert.DoesNotContain(host.Server.Token, output + errors);
        using var summary = JsonDocument.Parse(output);
        var text = summary.RootElement.ToString();
        Assert.Contains("Applied", text);
        Assert.Contains("\"ignored\":1", text.Replace(" ", string.Empty).Replace("\n", string.Empty), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, summary.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task FileWithoutTheContactIdColumn_ExitsWithInvalidInput_NamingTheColumn_AndSendsNothing()
    {
        await using var host = await TestHost.StartAsync();
        var file = host.WriteCsv("export.csv", [Guid.NewGuid().ToString()], header: "CustomerId,Email");

        var (exitCode, output, errors) = await Push(host.Folder, host.Server.Token, file, "--url", host.Server.BaseAddress.ToString(), "--state-dir", host.StateDirectory);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("ContactId", output + errors);
        Assert.Equal(0, host.ImportRuns);
    }

    [Fact]
    public async Task AWrongToken_ExitsWithAuthenticationFailed()
    {
        await using var host = await TestHost.StartAsync();
        var file = host.WriteCsv("export.csv", host.SeedContacts(1).Select(c => c.ToString()));

        var (exitCode, _, _) = await Push(host.Folder, "not-the-token", file, "--url", host.Server.BaseAddress.ToString(), "--segment-id", "seg-1", "--state-dir", host.StateDirectory);

        Assert.Equal(ExitCodes.AuthenticationFailed, exitCode);
        Assert.Equal(0, host.ImportRuns);
    }
}
