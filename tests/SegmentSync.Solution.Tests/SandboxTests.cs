using System.Diagnostics;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Packing;
using SegmentSync.Solution.Sandbox;
using Xunit;

namespace SegmentSync.Solution.Tests;

/// <summary>The net462 plug-in assembly is ready for Dataverse's sandbox.</summary>
public class SandboxTests
{
    private static AssemblyInspection Plugin => PluginAssemblyInspector.Inspect(PackedSolutionFixture.PluginAssembly);

    /// <summary>The .NET Framework 4.6.2 reference assemblies the build used (from the NuGet package cache).</summary>
    private static string? FrameworkReferences()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var root = Path.Combine(packages, "microsoft.netframework.referenceassemblies.net462");
        return Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Select(v => Path.Combine(v, "build", ".NETFramework", "v4.6.2")).FirstOrDefault(Directory.Exists)
            : null;
    }

    [Fact]
    public void ReferencesOnlyTheFrameworkAndTheSdk()
    {
        var plugin = Plugin;

        Assert.Empty(SandboxChecks.References(plugin, FrameworkReferences()));
        var sdk = Assert.Single(plugin.References, r => r.Name == "Microsoft.Xrm.Sdk");
        Assert.Equal(new Version(9, 0, 0, 0), sdk.Version);
        Assert.Equal("31bf3856ad364e35", sdk.PublicKeyToken);
    }

    [Fact]
    public void IsStrongNameSigned_AndTheSignatureVerifies()
    {
        Assert.Empty(SandboxChecks.StrongName(Plugin));
    }

    [Fact]
    public void ATamperedAssembly_FailsStrongNameVerification()
    {
        var plugin = Plugin;
        var bytes = (byte[])plugin.Bytes.Clone();
        bytes[bytes.Length / 2] ^= 0xFF;

        Assert.NotNull(StrongNameVerifier.Verify(bytes, plugin.PublicKey));
    }

    [Fact]
    public void HasNoMutableStaticFields()
    {
        Assert.Empty(SandboxChecks.Statics(Plugin));
    }

    [Fact]
    public void EveryTypeAStepOrCustomApiNames_ExistsAndImplementsIPlugin()
    {
        var named = CustomApis.All.Select(a => ("Custom API " + a.UniqueName, a.PluginTypeName))
            .Concat(PluginSteps.All.Select(s => ("Step " + s.Name, s.PluginTypeName)));

        Assert.Empty(SandboxChecks.PluginTypes(Plugin, named));
    }

    [Fact]
    public void TheChecks_CatchATypeThatIsNotAPlugin()
    {
        var problems = SandboxChecks.PluginTypes(Plugin, new[] { ("Custom API x", "SegmentSync.Plugins.Schema.Limits"), ("Custom API y", "No.Such.Type") }).ToList();

        Assert.Contains(problems, p => p.Contains("SegmentSync.Plugins.Schema.Limits, which does not implement Microsoft.Xrm.Sdk.IPlugin", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("No.Such.Type, which SegmentSync.Plugins does not contain", StringComparison.Ordinal));
    }

    [SharedFact]
    public void EverySdkMemberItReferences_ExistsInTheRealSdkListing()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var argument in new[] { "run", Path.Combine(Repository.Root, "..", "shared", "tools", "xrmcompat.cs"), "--", Repository.SharedReference, PackedSolutionFixture.ContractAssembly, PackedSolutionFixture.PluginAssembly })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "xrmcompat did not finish in 5 minutes.");

        Assert.True(process.ExitCode == 0, $"xrmcompat failed (exit {process.ExitCode}):{Environment.NewLine}{output.Result}{errors.Result}");
        Assert.Matches(@"compat: \d+ checked, 0 missing", output.Result);
    }
}
