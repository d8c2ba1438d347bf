using System.Globalization;
using System.Text.Json;

namespace SegmentSync.Client.Export;

/// <summary>
/// A CDM folder as Customer Insights - Data exports it: model.json lists one entity per segment with its attributes
/// and CSV partitions (without a header unless the partition says so; several partitions; gzip or not).
/// </summary>
public sealed class CdmFolder
{
    private CdmFolder(string modelPath, DateTime? modifiedTime, IReadOnlyList<CdmEntity> entities)
    {
        ModelPath = modelPath;
        ModifiedTime = modifiedTime;
        Entities = entities;
    }

    public string ModelPath { get; }

    public DateTime? ModifiedTime { get; }

    public IReadOnlyList<CdmEntity> Entities { get; }

    /// <summary>Reads model.json at <paramref name="path"/> (the folder or the file).</summary>
    public static CdmFolder Open(string path)
    {
        var model = Directory.Exists(path) ? Path.Combine(path, "model.json") : path;
        if (!File.Exists(model)) throw new ExportFormatException($"No model.json in {path}: a CDM folder export has one at its root.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(model))!;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(model));
        }
        catch (JsonException e)
        {
            throw new ExportFormatException($"model.json is not valid JSON: {e.Message}");
        }

        using (document)
        {
            try
            {
                return Read(document, model, folder);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or NotSupportedException or PathTooLongException)
            {
                throw new ExportFormatException($"model.json is not a CDM model SegmentSync can read: {e.Message}");
            }
        }
    }

    private static CdmFolder Read(JsonDocument document, string model, string folder)
    {
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Array)
                throw new ExportFormatException("model.json has no \"entities\" array.");
            var list = new List<CdmEntity>();
            foreach (var entity in entities.EnumerateArray())
            {
                var name = entity.TryGetProperty("name", out var n) ? n.GetString() : null;
                if (string.IsNullOrEmpty(name)) throw new ExportFormatException("model.json has an entity without a name.");
                var attributes = entity.TryGetProperty("attributes", out var a) && a.ValueKind == JsonValueKind.Array
                    ? a.EnumerateArray().Select(x => x.TryGetProperty("name", out var an) ? an.GetString() ?? string.Empty : string.Empty).ToList()
                    : new List<string>();
                var partitions = new List<CdmPartition>();
                if (entity.TryGetProperty("partitions", out var p) && p.ValueKind == JsonValueKind.Array)
                {
                    foreach (var partition in p.EnumerateArray())
                    {
                        var location = partition.TryGetProperty("location", out var l) ? l.GetString() : null;
                        if (string.IsNullOrEmpty(location)) throw new ExportFormatException($"model.json: a partition of {name} has no location.");
                        var settings = partition.TryGetProperty("fileFormatSettings", out var s) ? s : default;
                        var delimiter = settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("delimiter", out var d) && d.GetString() is { Length: 1 } text ? text[0] : ',';
                        var headers = settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("columnHeaders", out var h) && h.ValueKind == JsonValueKind.True;
                        partitions.Add(new CdmPartition(Resolve(folder, location), delimiter, headers, Date(partition, "refreshTime")));
                    }
                }

                var annotations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (entity.TryGetProperty("annotations", out var an2) && an2.ValueKind == JsonValueKind.Array)
                {
                    foreach (var annotation in an2.EnumerateArray())
                    {
                        if (annotation.TryGetProperty("name", out var key) && annotation.TryGetProperty("value", out var value) && key.GetString() is { } k)
                            annotations[k] = value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
                    }
                }

                list.Add(new CdmEntity(name, attributes, partitions, annotations));
            }

            return new CdmFolder(Path.GetFullPath(model), Date(root, "modifiedTime"), list);
        }
    }

    /// <summary>
    /// A partition's file: a relative location is under the folder; an absolute URL (the export's storage account)
    /// is found in the folder by the longest trailing part of its path that exists.
    /// </summary>
    private static string Resolve(string folder, string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri)) return Path.GetFullPath(Path.Combine(folder, location));
        if (uri.IsFile) return uri.LocalPath;
        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        for (var skip = 0; skip < parts.Length; skip++)
        {
            var candidate = Path.Combine(new[] { folder }.Concat(parts.Skip(skip)).ToArray());
            if (File.Exists(candidate)) return candidate;
        }

        return Path.Combine(folder, parts.Length > 0 ? parts[^1] : location);
    }

    private static DateTime? Date(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcDateTime
            : null;
}

public sealed record CdmEntity(string Name, IReadOnlyList<string> Attributes, IReadOnlyList<CdmPartition> Partitions, IReadOnlyDictionary<string, string> Annotations);

public sealed record CdmPartition(string Path, char Delimiter, bool ColumnHeaders, DateTime? RefreshTime);
