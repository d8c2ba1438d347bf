using System.Text.Json;

namespace SegmentSync.Solution;

/// <summary>The publisher: who owns the solution's components, and the prefixes their names and option values carry.</summary>
public sealed record PublisherConfig(string UniqueName, string DisplayName, string Description, string Prefix, int OptionValuePrefix);

/// <summary>
/// <c>pac.config.json</c> at the repository root: the solution's name and version, its publisher, where the source and
/// the zips live and which project builds the plug-in assembly. <c>segsync solution generate</c> and <c>segsync pack</c>
/// read it.
/// </summary>
public sealed record SolutionConfig(
    string UniqueName,
    string DisplayName,
    string Description,
    string Version,
    string SourceFolder,
    string OutputFolder,
    string ManagedZip,
    string UnmanagedZip,
    PublisherConfig Publisher,
    string PluginProject,
    string PluginTargetFramework)
{
    public const string FileName = "pac.config.json";

    /// <summary>Reads <c>pac.config.json</c> from <paramref name="repositoryRoot"/>.</summary>
    public static SolutionConfig Load(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, FileName);
        if (!File.Exists(path)) throw new SolutionException($"{FileName} not found in {repositoryRoot}.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var solution = Section(root, "solution");
        var publisher = Section(root, "publisher");
        var plugin = Section(root, "pluginAssembly");
        var config = new SolutionConfig(
            Text(solution, "uniqueName"),
            Text(solution, "displayName"),
            Text(solution, "description", ""),
            Text(solution, "version"),
            Text(solution, "sourceFolder"),
            Text(solution, "outputFolder"),
            Text(solution, "managedZip"),
            Text(solution, "unmanagedZip"),
            new PublisherConfig(
                Text(publisher, "uniqueName"),
                Text(publisher, "displayName"),
                Text(publisher, "description", ""),
                Text(publisher, "prefix"),
                publisher.TryGetProperty("optionValuePrefix", out var prefix) && prefix.TryGetInt32(out var value)
                    ? value
                    : throw new SolutionException($"{FileName}: publisher.optionValuePrefix must be a number.")),
            Text(plugin, "project"),
            Text(plugin, "targetFramework"));
        config.Validate();
        return config;
    }

    private static JsonElement Section(JsonElement root, string name) =>
        root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
            ? section
            : throw new SolutionException($"{FileName} has no \"{name}\" object.");

    private static string Text(JsonElement section, string name, string? fallback = null)
    {
        if (section.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString()!;
        return fallback ?? throw new SolutionException($"{FileName}: \"{name}\" is missing or not a string.");
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>pac.config.json</c>.</summary>
    public static string FindRepositoryRoot(string? start = null)
    {
        var directory = new DirectoryInfo(start ?? Directory.GetCurrentDirectory());
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, FileName))) return directory.FullName;
            directory = directory.Parent;
        }

        throw new SolutionException($"No {FileName} found in {start ?? Directory.GetCurrentDirectory()} or above it; run from the repository.");
    }

    /// <summary>The publisher rules Dataverse enforces on names and option values.</summary>
    public void Validate()
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(Publisher.Prefix, "^[a-z][a-z0-9]{1,7}$"))
            throw new SolutionException($"{FileName}: publisher prefix '{Publisher.Prefix}' must be 2-8 lower-case letters or digits, starting with a letter.");
        if (Publisher.OptionValuePrefix is < 10000 or > 99999)
            throw new SolutionException($"{FileName}: publisher option value prefix {Publisher.OptionValuePrefix} must have 5 digits (10000-99999).");
        if (!System.Version.TryParse(Version, out var version) || version.Revision < 0)
            throw new SolutionException($"{FileName}: solution version '{Version}' must have four parts (major.minor.build.revision).");
    }
}
