using System.Text;
using System.Xml.Linq;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Validation;

namespace SegmentSync.Solution.Packing;

/// <summary>What to pack and where.</summary>
public sealed class PackRequest
{
    /// <summary>The unpacked solution folder (solution/).</summary>
    public required string SourceFolder { get; init; }

    /// <summary>The strong-named net462 plug-in assembly.</summary>
    public required string PluginAssemblyPath { get; init; }

    public required string OutputFolder { get; init; }
    public required string ManagedZipName { get; init; }
    public required string UnmanagedZipName { get; init; }

    /// <summary>The Custom APIs the plug-ins implement; the source must declare exactly these (null: not compared).</summary>
    public IReadOnlyList<CustomApiDescriptor>? ExpectedApis { get; init; }

    /// <summary>Dataverse's schema folder; when set, customizations.xml must validate against it.</summary>
    public string? SchemaFolder { get; init; }
}

/// <summary>The two zips a pack wrote.</summary>
public sealed record PackResult(string ManagedZip, string UnmanagedZip, string AssemblyFullName, IReadOnlyList<string> Entries);

/// <summary>
/// Packs an unpacked solution into the zips Dataverse imports: solution.xml and customizations.xml at the root (lower
/// case, no XML declaration), [Content_Types].xml, customapis/ and environmentvariabledefinitions/ as they are, and the
/// plug-in assembly at the FileName its metadata names. Checks everything first; the same input gives the same bytes.
/// </summary>
public static class SolutionPacker
{
    public static PackResult Pack(PackRequest request)
    {
        var source = SolutionSource.Load(request.SourceFolder);
        var assembly = PluginAssemblyInspector.Inspect(request.PluginAssemblyPath);
        var entries = BuildEntries(source, assembly, request.ExpectedApis, request.SchemaFolder);
        Directory.CreateDirectory(request.OutputFolder);
        var managed = Path.Combine(request.OutputFolder, request.ManagedZipName);
        var unmanaged = Path.Combine(request.OutputFolder, request.UnmanagedZipName);
        File.WriteAllBytes(managed, DeterministicZip.Write(WithManifest(entries, source, managed: true)));
        File.WriteAllBytes(unmanaged, DeterministicZip.Write(WithManifest(entries, source, managed: false)));
        return new PackResult(managed, unmanaged, assembly.FullName, entries.Keys.Append("solution.xml").Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Every entry but solution.xml (which differs between managed and unmanaged).</summary>
    public static SortedDictionary<string, byte[]> BuildEntries(SolutionSource source, AssemblyInspection assembly, IReadOnlyList<CustomApiDescriptor>? expectedApis, string? schemaFolder)
    {
        var customizations = CustomizationsBuilder.Build(source);
        var problems = ConsistencyChecker.Check(source, customizations, assembly, expectedApis).ToList();
        problems.AddRange(FlowChecks.Check(source, customizations, expectedApis));
        if (schemaFolder is not null) problems.AddRange(CustomizationsSchema.Validate(LegacySchemaView.Of(customizations), schemaFolder));
        if (problems.Count > 0) throw new SolutionException(problems);

        var entries = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["customizations.xml"] = XmlText.Utf8(XmlText.Write(customizations, declaration: false)),
        };
        foreach (var path in source.PassThroughPaths) entries[path] = source.Files[path];

        var fileName = customizations.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly").Single(a => ((string?)a.Attribute("FullName"))!.Split(',')[0] == assembly.Name).Child("FileName")
            ?? throw new SolutionException($"The registration of {assembly.Name} has no <FileName>.");
        entries[fileName.TrimStart('/')] = assembly.Bytes;
        entries["[Content_Types].xml"] = ContentTypes(entries.Keys);
        return entries;
    }

    private static SortedDictionary<string, byte[]> WithManifest(SortedDictionary<string, byte[]> entries, SolutionSource source, bool managed)
    {
        var manifest = source.Manifest;
        var flag = manifest.Element("SolutionManifest")?.Element("Managed") ?? throw new SolutionException("Other/Solution.xml has no <Managed>.");
        flag.Value = managed ? "1" : "0";
        return new SortedDictionary<string, byte[]>(entries, StringComparer.Ordinal)
        {
            ["solution.xml"] = XmlText.Utf8(XmlText.Write(manifest, declaration: false)),
        };
    }

    /// <summary>[Content_Types].xml as Dataverse writes it: a BOM, one line, one Default per extension in the zip.</summary>
    private static byte[] ContentTypes(IEnumerable<string> paths)
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        var extensions = paths.Append("solution.xml").Select(p => Path.GetExtension(p).TrimStart('.').ToLowerInvariant()).Where(e => e.Length > 0).Distinct().OrderBy(e => e == "xml" ? "" : e, StringComparer.Ordinal);
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + new XElement(ns + "Types",
            extensions.Select(e => new XElement(ns + "Default", new XAttribute("Extension", e), new XAttribute("ContentType", "application/octet-stream")))).ToString(SaveOptions.DisableFormatting);
        return new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
    }
}
