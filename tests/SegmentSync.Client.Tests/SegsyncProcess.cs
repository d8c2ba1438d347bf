using System.Diagnostics;

namespace SegmentSync.Client.Tests;

/// <summary>Runs segsync.dll (built beside the tests) as a script would: a separate process, its exit code and output.</summary>
internal static class SegsyncProcess
{
    /// <summary>Runs <c>segsync <paramref name="arguments"/></c> in <paramref name="folder"/> with SEGSYNC_TOKEN set to <paramref name="token"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string folder, string token, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "segsync.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SEGSYNC_TOKEN"] = token;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await errors);
    }
}
