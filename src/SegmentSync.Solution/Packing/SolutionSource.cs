using System.Xml.Linq;

namespace SegmentSync.Solution.Packing;

/// <summary>
/// An unpacked solution folder (the layout of <c>pac solution unpack</c>): its files by relative path, and the parsed
/// pieces the packer folds into customizations.xml. Build output (*.dll) in the folder is ignored: the packer places
/// the assembly it was given.
/// </summary>
public sealed class SolutionSource
{
    private SolutionSource(string root, SortedDictionary<string, byte[]> files)
    {
        Root = root;
        Files = files;
    }

    public string Root { get; }

    /// <summary>Files by '/'-separated relative path, in ordinal order.</summary>
    public SortedDictionary<string, byte[]> Files { get; }

    public static SolutionSource Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new SolutionException($"Solution source folder {folder} does not exist. Run `segsync solution generate` first.");
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (relative.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) continue;
            files[relative] = File.ReadAllBytes(path);
        }

        return FromFiles(folder, files);
    }

    /// <summary>A source held in memory (tests, or the generator's output).</summary>
    public static SolutionSource FromFiles(string root, IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        var source = new SolutionSource(root, new SortedDictionary<string, byte[]>(files.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal));
        foreach (var required in new[] { "Other/Solution.xml", "Other/Customizations.xml" })
        {
            if (!source.Files.ContainsKey(required)) throw new SolutionException($"The solution source has no {required}.");
        }

        return source;
    }

    public XElement Xml(string path) =>
        Files.TryGetValue(path, out var bytes)
            ? XmlText.Parse(XmlText.FromUtf8(bytes), path)
            : throw new SolutionException($"The solution source has no {path}.");

    /// <summary>Paths under <paramref name="folder"/> (with trailing '/') whose name ends with <paramref name="suffix"/>.</summary>
    public IEnumerable<string> Paths(string folder, string suffix) =>
        Files.Keys.Where(p => p.StartsWith(folder, StringComparison.Ordinal) && p.EndsWith(suffix, StringComparison.Ordinal));

    public XElement Manifest => Xml("Other/Solution.xml");

    /// <summary>customapis/&lt;name&gt;/customapi.xml, one per Custom API.</summary>
    public IEnumerable<string> CustomApiPaths =>
        Paths("customapis/", "/customapi.xml").Where(p => p.Count(ch => ch == '/') == 2);

    /// <summary>Every file that the packed zip carries as it is (Custom APIs, environment variables, flow definitions).</summary>
    public IEnumerable<string> PassThroughPaths =>
        Files.Keys.Where(p => p.StartsWith("customapis/", StringComparison.Ordinal) || p.StartsWith("environmentvariabledefinitions/", StringComparison.Ordinal)
            || (p.StartsWith(Generation.FlowXml.Folder, StringComparison.Ordinal) && p.EndsWith(".json", StringComparison.Ordinal)));
}
