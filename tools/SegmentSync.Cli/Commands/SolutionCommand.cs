using System.CommandLine;
using SegmentSync.LocalEnvironment;
using SegmentSync.Solution;

namespace SegmentSync.Cli.Commands;

/// <summary><c>segsync solution generate [--check]</c>: writes (or checks) solution/ from the C# schema.</summary>
public static class SolutionCommand
{
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "Do not write: list what differs and exit 1 when solution/ is out of date." };
        var generate = new Command("generate", "Generate the unpacked solution source (solution/) from the schema classes and table definitions.") { check };
        generate.SetAction(parse =>
        {
            try
            {
                var root = SolutionConfig.FindRepositoryRoot();
                var config = SolutionConfig.Load(root);
                var folder = Path.Combine(root, config.SourceFolder);
                var definition = SegmentSyncSolutionSource.Definition(config);
                var differences = parse.GetValue(check) ? SolutionWorkflow.Compare(folder, definition) : SolutionWorkflow.Generate(folder, definition);
                foreach (var difference in differences) Console.WriteLine($"{difference.Change,-22} {config.SourceFolder}/{difference.Path}");
                if (parse.GetValue(check))
                {
                    Console.WriteLine(differences.Count == 0 ? $"{config.SourceFolder}/ is up to date." : $"{config.SourceFolder}/ is out of date: run `segsync solution generate`.");
                    return differences.Count == 0 ? 0 : 1;
                }

                Console.WriteLine(differences.Count == 0 ? $"{config.SourceFolder}/ was already up to date." : $"{config.SourceFolder}/: {differences.Count} file(s) written or removed.");
                return 0;
            }
            catch (SolutionException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return new Command("solution", "The Dataverse solution's source.") { generate };
    }
}
