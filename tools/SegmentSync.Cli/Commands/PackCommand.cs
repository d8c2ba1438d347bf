using System.CommandLine;
using SegmentSync.LocalEnvironment;
using SegmentSync.Solution;

namespace SegmentSync.Cli.Commands;

/// <summary><c>segsync pack</c>: builds the net462 plug-in and packs solution/ into the managed and unmanaged zips.</summary>
public static class PackCommand
{
    public static Command Create()
    {
        var plugin = new Option<string?>("--plugin") { Description = "Use this plug-in assembly instead of building it (a strong-named net462 SegmentSync.Plugins.dll)." };
        var output = new Option<string?>("--output") { Description = "Folder for the zips (default: outputFolder in pac.config.json)." };
        var command = new Command("pack", "Build the net462 plug-in and write SegmentSync_managed.zip and SegmentSync.zip, ready to import into Dataverse.") { plugin, output };
        command.SetAction(parse =>
        {
            try
            {
                var root = SolutionConfig.FindRepositoryRoot();
                var config = SolutionConfig.Load(root);
                var definition = SegmentSyncSolutionSource.Definition(config);
                var result = SolutionWorkflow.Pack(root, config, definition, parse.GetValue(plugin), parse.GetValue(output), Console.Out);
                Console.WriteLine($"Plug-in assembly: {result.AssemblyFullName}");
                Console.WriteLine($"Managed:   {Path.GetRelativePath(root, result.ManagedZip)} ({new FileInfo(result.ManagedZip).Length:N0} bytes)");
                Console.WriteLine($"Unmanaged: {Path.GetRelativePath(root, result.UnmanagedZip)} ({new FileInfo(result.UnmanagedZip).Length:N0} bytes)");
                return 0;
            }
            catch (SolutionException e)
            {
                Console.Error.WriteLine("Pack failed. " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
