using SegmentSync.Solution.Generation;
using SegmentSync.Solution.Packing;
using SegmentSync.Solution.Validation;

namespace SegmentSync.Solution;

/// <summary>The steps behind <c>segsync solution generate</c> and <c>segsync pack</c>, shared by the CLI and the tests.</summary>
public static class SolutionWorkflow
{
    /// <summary>Differences between the generated source and the files in the solution folder.</summary>
    public sealed record SourceDifference(string Path, string Change);

    /// <summary>What the solution folder would need to change to match <paramref name="definition"/> (empty: up to date).</summary>
    public static IReadOnlyList<SourceDifference> Compare(string sourceFolder, SolutionDefinition definition)
    {
        var generated = SolutionGenerator.Generate(definition);
        var differences = new List<SourceDifference>();
        var existing = Directory.Exists(sourceFolder)
            ? Directory.EnumerateFiles(sourceFolder, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(sourceFolder, p).Replace('\\', '/'))
                .Where(p => !p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, text) in generated)
        {
            if (!existing.Contains(path)) differences.Add(new(path, "missing"));
            else if (File.ReadAllText(Path.Combine(sourceFolder, path)) != text) differences.Add(new(path, "differs"));
        }

        differences.AddRange(existing.Where(p => !generated.ContainsKey(p)).Order(StringComparer.Ordinal).Select(p => new SourceDifference(p, "not generated (stale)")));
        return differences;
    }

    /// <summary>Writes the generated source into <paramref name="sourceFolder"/>, removing generated-folder files it no longer produces.</summary>
    public static IReadOnlyList<SourceDifference> Generate(string sourceFolder, SolutionDefinition definition)
    {
        var differences = Compare(sourceFolder, definition);
        var generated = SolutionGenerator.Generate(definition);
        foreach (var difference in differences)
        {
            var path = Path.Combine(sourceFolder, difference.Path);
            if (generated.TryGetValue(difference.Path, out var text))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
            else
            {
                File.Delete(path);
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(sourceFolder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
        }

        return differences;
    }

    /// <summary>
    /// Builds the net462 plug-in (unless <paramref name="pluginAssembly"/> is given), packs solution/ into the managed
    /// and unmanaged zips in <paramref name="outputFolder"/> (default: the config's), validating customizations.xml when
    /// the schemas are beside the repository, and leaves a copy of the assembly in the source folder for pac users.
    /// </summary>
    public static PackResult Pack(string repositoryRoot, SolutionConfig config, SolutionDefinition definition, string? pluginAssembly = null,
        string? outputFolder = null, TextWriter? log = null)
    {
        var dll = pluginAssembly ?? PluginBuild.Run(repositoryRoot, config, log);
        var sourceFolder = Path.Combine(repositoryRoot, config.SourceFolder);
        var schemas = CustomizationsSchema.FindBeside(repositoryRoot);
        log?.WriteLine(schemas is null
            ? "customizations.xml: ../shared/reference/schemas not present; schema validation skipped"
            : "customizations.xml: validating against " + schemas);
        var result = SolutionPacker.Pack(new PackRequest
        {
            SourceFolder = sourceFolder,
            PluginAssemblyPath = dll,
            OutputFolder = outputFolder ?? Path.Combine(repositoryRoot, config.OutputFolder),
            ManagedZipName = config.ManagedZip,
            UnmanagedZipName = config.UnmanagedZip,
            ExpectedApis = definition.CustomApis,
            SchemaFolder = schemas,
        });
        var staged = Path.Combine(sourceFolder, ComponentXml.AssemblyFolder(definition), definition.PluginAssembly.Name + ".dll");
        File.Copy(dll, staged, overwrite: true);
        return result;
    }
}
