using System.Xml.Linq;
using SegmentSync.Solution.Packing;

namespace SegmentSync.Solution.Installing;

/// <summary>A packed solution zip, as Dataverse receives it on import.</summary>
public sealed class PackedSolution
{
    private PackedSolution(string source, SortedDictionary<string, byte[]> entries)
    {
        Source = source;
        Entries = entries;
        Manifest = Xml("solution.xml");
        Customizations = Xml("customizations.xml");
    }

    /// <summary>Where the zip came from (for messages).</summary>
    public string Source { get; }

    public SortedDictionary<string, byte[]> Entries { get; }
    public XElement Manifest { get; }
    public XElement Customizations { get; }

    public string UniqueName => Manifest.Element("SolutionManifest")?.Child("UniqueName") ?? "";
    public string Version => Manifest.Element("SolutionManifest")?.Child("Version") ?? "";
    public bool IsManaged => Manifest.Element("SolutionManifest")?.Child("Managed") == "1";

    public static PackedSolution Open(string zipPath)
    {
        if (!File.Exists(zipPath)) throw new SolutionException($"Solution {zipPath} does not exist. Create it with `segsync pack`.");
        using var stream = File.OpenRead(zipPath);
        return new PackedSolution(zipPath, DeterministicZip.Read(stream));
    }

    public static PackedSolution FromBytes(byte[] zip, string source = "(memory)")
    {
        using var stream = new MemoryStream(zip);
        return new PackedSolution(source, DeterministicZip.Read(stream));
    }

    public XElement Xml(string path) =>
        Entries.TryGetValue(path, out var bytes)
            ? XmlText.Parse(XmlText.FromUtf8(bytes), Source + ":" + path)
            : throw new SolutionException($"{Source} has no {path}: it is not a packed Dataverse solution.");

    public byte[] Bytes(string path) =>
        Entries.TryGetValue(path, out var bytes) ? bytes : throw new SolutionException($"{Source} has no {path}.");

    public IEnumerable<string> Paths(string folder, string suffix) =>
        Entries.Keys.Where(p => p.StartsWith(folder, StringComparison.Ordinal) && p.EndsWith(suffix, StringComparison.Ordinal));
}
