using SegmentSync.Solution.Packing;

namespace SegmentSync.Solution.Tests;

/// <summary>
/// Packs the solution once per test run, exactly as <c>segsync pack</c> does (building the net462 plug-in), into a
/// temporary folder. Every test that needs the zips or the built assembly shares this one pack.
/// </summary>
public static class PackedSolutionFixture
{
    private static readonly Lazy<PackResult> Packed = new(() =>
    {
        var output = Path.Combine(Path.GetTempPath(), "segsync-tests-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return SolutionWorkflow.Pack(Repository.Root, Repository.Config, Repository.Definition(), outputFolder: output);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static PackResult Result => Packed.Value;
    public static string ManagedZip => Result.ManagedZip;
    public static string UnmanagedZip => Result.UnmanagedZip;

    /// <summary>The net462 plug-in assembly the pack built.</summary>
    public static string PluginAssembly
    {
        get
        {
            _ = Result;
            return PluginBuild.OutputPath(Repository.Root, Repository.Config);
        }
    }

    /// <summary>The SDK contract built for net462 beside the plug-in (a dependency of its build).</summary>
    public static string ContractAssembly
    {
        get
        {
            _ = Result;
            return Path.Combine(Repository.Root, "src", "Microsoft.Xrm.Sdk", "bin", PluginBuild.Configuration, Repository.Config.PluginTargetFramework, "Microsoft.Xrm.Sdk.dll");
        }
    }
}
