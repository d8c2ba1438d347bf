using System.Diagnostics;

namespace SegmentSync.Solution.Packing;

/// <summary>Builds the deployable plug-in assembly: <c>dotnet build &lt;project&gt; -c Release -f net462</c>.</summary>
public static class PluginBuild
{
    public const string Configuration = "Release";

    /// <summary>The path of the built assembly (bin/Release/&lt;framework&gt;/&lt;project name&gt;.dll).</summary>
    public static string OutputPath(string repositoryRoot, SolutionConfig config)
    {
        var project = Path.GetFullPath(Path.Combine(repositoryRoot, config.PluginProject));
        return Path.Combine(Path.GetDirectoryName(project)!, "bin", Configuration, config.PluginTargetFramework, Path.GetFileNameWithoutExtension(project) + ".dll");
    }

    /// <summary>Builds the project and returns the assembly's path; the build's output is in the exception when it fails.</summary>
    public static string Run(string repositoryRoot, SolutionConfig config, TextWriter? log = null)
    {
        var project = Path.GetFullPath(Path.Combine(repositoryRoot, config.PluginProject));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", project, "-c", Configuration, "-f", config.PluginTargetFramework, "-nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        log?.WriteLine($"dotnet build {config.PluginProject} -c {Configuration} -f {config.PluginTargetFramework}");
        using var process = Process.Start(start) ?? throw new SolutionException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new SolutionException($"Building the plug-in assembly failed (exit {process.ExitCode}):{Environment.NewLine}{output.Result}{errors.Result}");
        var path = OutputPath(repositoryRoot, config);
        if (!File.Exists(path)) throw new SolutionException($"The build succeeded but {path} does not exist.");
        return path;
    }
}
