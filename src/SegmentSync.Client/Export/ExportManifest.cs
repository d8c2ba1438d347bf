using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegmentSync.Client.Export;

/// <summary>
/// Segment metadata next to an export, for what the files do not say:
/// <code>{"segments":[{"id":"0042","name":"High-value customers","url":"https://...","exportedOn":"2026-12-04T06:00:00Z","status":"Active","file":"high-value.csv","entity":"HighValue"}]}</code>
/// <c>file</c> (a CSV, relative to the manifest) or <c>entity</c> (a model.json entity) says which data is whose.
/// </summary>
public sealed class ExportManifest
{
    [JsonPropertyName("segments")]
    public List<ManifestSegment> Segments { get; set; } = new();

    public string Folder { get; private set; } = string.Empty;

    public static ExportManifest Load(string path)
    {
        if (!File.Exists(path)) throw new ExportFormatException($"The manifest {path} does not exist.");
        try
        {
            var manifest = JsonSerializer.Deserialize<ExportManifest>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                ?? throw new ExportFormatException($"The manifest {path} is empty.");
            manifest.Folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            return manifest;
        }
        catch (JsonException e)
        {
            throw new ExportFormatException($"The manifest {Path.GetFileName(path)} is not valid: {e.Message}");
        }
    }
}

public sealed class ManifestSegment
{
    [JsonPropertyName("id")] public string? Id { get; set; }

    [JsonPropertyName("name")] public string? Name { get; set; }

    [JsonPropertyName("url")] public string? Url { get; set; }

    [JsonPropertyName("exportedOn")] public string? ExportedOn { get; set; }

    [JsonPropertyName("status")] public string? Status { get; set; }

    [JsonPropertyName("file")] public string? File { get; set; }

    [JsonPropertyName("entity")] public string? Entity { get; set; }

    public DateTime? ExportedOnUtc => ExportedOn is null ? null
        : DateTimeOffset.TryParse(ExportedOn, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.UtcDateTime
        : throw new ExportFormatException($"The manifest's exportedOn \"{ExportedOn}\" is not a date and time.");
}
