using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

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

    /// <summary>A port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>segsync <paramref name="arguments"/></c> (an emulate command) and waits for its "Listening on" line.</summary>
    public static async Task<Process> StartEmulatorAsync(string folder, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "segsync.dll")}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var seen = new StringBuilder();
        while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120)) is { } line)
        {
            seen.AppendLine(line);
            if (line.StartsWith("Listening on http://127.0.0.1:", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                return process;
            }
        }

        var errors = await process.StandardError.ReadToEndAsync();
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"segsync emulate did not start:\n{seen}\n{errors}");
    }
}
