namespace SegmentSync.Client.Export;

/// <summary>What <c>segsync push</c> is told about its input.</summary>
public sealed record ExportOptions
{
    /// <summary>A CSV file, a CDM folder (or its model.json), or a manifest (.json) naming CSV files.</summary>
    public required string Input { get; init; }

    public string ContactIdColumn { get; init; } = "ContactId";

    public char Delimiter { get; init; } = ',';

    public string? ManifestPath { get; init; }

    public string? SegmentId { get; init; }

    public string? SegmentName { get; init; }

    /// <summary>The source segment's URL; "{id}" is replaced by the segment id (useful for multi-segment exports).</summary>
    public string? SegmentUrl { get; init; }

    public DateTime? ExportedOn { get; init; }

    public SourceSegmentStatus? Status { get; init; }

    /// <summary>Which segments to push (ids or names, case-insensitive); all when empty.</summary>
    public IReadOnlyList<string> Segments { get; init; } = Array.Empty<string>();
}

/// <summary>Finds the segments of an export and their metadata; says which are not pushed and why.</summary>
public static class ExportLoader
{
    public sealed record Loaded(IReadOnlyList<ExportedSegment> ToPush, IReadOnlyList<(SegmentInfo Segment, string Reason)> Skipped);

    public static Loaded Load(ExportOptions options)
    {
        var input = Path.GetFullPath(options.Input);
        var manifest = options.ManifestPath is null ? null : ExportManifest.Load(options.ManifestPath);
        List<ExportedSegment> all;
        if (Directory.Exists(input) || Path.GetFileName(input).Equals("model.json", StringComparison.OrdinalIgnoreCase))
        {
            all = FromCdm(CdmFolder.Open(input), options, manifest);
        }
        else if (input.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            manifest = ExportManifest.Load(input);
            all = manifest.Segments.Select(s => FromManifestFile(s, manifest, options)).ToList();
        }
        else
        {
            if (!File.Exists(input)) throw new ExportFormatException($"The input {options.Input} does not exist.");
            var entry = manifest?.Segments.FirstOrDefault(s => s.File is not null && FullPath(manifest.Folder, s.File) == input)
                ?? (manifest?.Segments.Count == 1 ? manifest.Segments[0] : null);
            all = new List<ExportedSegment> { new(Info(entry, options, Path.GetFileNameWithoutExtension(input), File.GetLastWriteTimeUtc(input)), CsvContactIdSource.WithHeader(input, options.ContactIdColumn, options.Delimiter)) };
        }

        if (all.Count == 0) throw new ExportFormatException($"{options.Input} contains no segment.");
        var selected = all;
        if (options.Segments.Count > 0)
        {
            var unknown = options.Segments.Where(s => !all.Any(e => Matches(e.Info, s))).ToList();
            if (unknown.Count > 0)
                throw new ExportFormatException($"--segments names {string.Join(", ", unknown.Select(u => $"\"{u}\""))}, which the export does not contain; it has {string.Join(", ", all.Select(e => $"\"{e.Info.Id}\" ({e.Info.Name})"))}.");
            selected = all.Where(e => options.Segments.Any(s => Matches(e.Info, s))).ToList();
        }

        var skipped = selected.Where(e => e.Info.Status != SourceSegmentStatus.Active)
            .Select(e => (e.Info, $"the source segment is {e.Info.Status}; only active segments are exported")).ToList();
        return new Loaded(selected.Where(e => e.Info.Status == SourceSegmentStatus.Active).ToList(), skipped);
    }

    private static bool Matches(SegmentInfo info, string selector) =>
        string.Equals(info.Id, selector, StringComparison.OrdinalIgnoreCase) || string.Equals(info.Name, selector, StringComparison.OrdinalIgnoreCase);

    private static List<ExportedSegment> FromCdm(CdmFolder folder, ExportOptions options, ExportManifest? manifest)
    {
        var result = new List<ExportedSegment>();
        foreach (var entity in folder.Entities)
        {
            var index = IndexOf(entity.Attributes, options.ContactIdColumn);
            if (index < 0)
            {
                throw new ExportFormatException($"model.json entity {entity.Name} has no attribute \"{options.ContactIdColumn}\" (attributes: {string.Join(", ", entity.Attributes.Take(10))}). Choose it with --contact-id-column.");
            }

            var partitions = entity.Partitions;
            var delimiter = partitions.Count > 0 ? partitions[0].Delimiter : ',';
            var source = CsvContactIdSource.Partitions(partitions.Select(p => p.Path).ToList(), index, delimiter, partitions.Any(p => p.ColumnHeaders),
                $"model.json entity {entity.Name} ({partitions.Count} partition{(partitions.Count == 1 ? "" : "s")})");
            var entry = manifest?.Segments.FirstOrDefault(s => string.Equals(s.Entity, entity.Name, StringComparison.OrdinalIgnoreCase));
            var exportedOn = partitions.Select(p => p.RefreshTime).Where(t => t is not null).DefaultIfEmpty(folder.ModifiedTime).Max() ?? File.GetLastWriteTimeUtc(folder.ModelPath);
            var annotated = new ManifestSegment
            {
                Id = entry?.Id ?? Annotation(entity, "segmentId"),
                Name = entry?.Name ?? Annotation(entity, "segmentName"),
                Url = entry?.Url ?? Annotation(entity, "segmentUrl"),
                ExportedOn = entry?.ExportedOn,
                Status = entry?.Status ?? Annotation(entity, "segmentStatus"),
            };
            var single = folder.Entities.Count == 1;
            result.Add(new ExportedSegment(Info(annotated, single ? options : options with { SegmentId = null, SegmentName = null }, entity.Name, exportedOn), source));
        }

        return result;
    }

    private static ExportedSegment FromManifestFile(ManifestSegment entry, ExportManifest manifest, ExportOptions options)
    {
        if (entry.File is null) throw new ExportFormatException("Each segment of a manifest given as the input needs a \"file\".");
        var path = FullPath(manifest.Folder, entry.File);
        if (!File.Exists(path)) throw new ExportFormatException($"The manifest names {entry.File}, which does not exist.");
        return new ExportedSegment(Info(entry, options with { SegmentId = null, SegmentName = null }, Path.GetFileNameWithoutExtension(path), File.GetLastWriteTimeUtc(path)),
            CsvContactIdSource.WithHeader(path, options.ContactIdColumn, options.Delimiter));
    }

    /// <summary>A file a manifest names, under its folder; a name that is no path at all is a format error.</summary>
    private static string FullPath(string folder, string file)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(folder, file));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ExportFormatException($"The manifest names the file \"{file.Replace("\0", "\\0", StringComparison.Ordinal)}\", which is not a valid path: {e.Message}");
        }
    }

    private static string? Annotation(CdmEntity entity, string name) =>
        entity.Annotations.TryGetValue(name, out var value) || entity.Annotations.TryGetValue("ci:" + name, out value) ? value : null;

    private static int IndexOf(IReadOnlyList<string> names, string column)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], column, StringComparison.OrdinalIgnoreCase)) return i;
        }

        return -1;
    }

    /// <summary>Options win over the manifest, which wins over what the files say.</summary>
    private static SegmentInfo Info(ManifestSegment? entry, ExportOptions options, string fallbackName, DateTime fallbackExportedOn)
    {
        var id = options.SegmentId ?? entry?.Id ?? fallbackName;
        var name = options.SegmentName ?? entry?.Name ?? fallbackName;
        var url = entry?.Url ?? options.SegmentUrl?.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal)
            ?? throw new ExportFormatException($"The URL of segment \"{id}\" is not known: pass --segment-url (\"{{id}}\" is replaced by the segment id) or give \"url\" in a manifest.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ExportFormatException($"The segment URL \"{url}\" is not an absolute http(s) URL.");
        var exportedOn = options.ExportedOn ?? entry?.ExportedOnUtc ?? fallbackExportedOn;
        var status = options.Status ?? (entry?.Status is { } text
            ? Enum.TryParse<SourceSegmentStatus>(text, ignoreCase: true, out var parsed) ? parsed : throw new ExportFormatException($"Segment status \"{text}\" is not Active, Draft or Inactive.")
            : SourceSegmentStatus.Active);
        if (id.Length > 100) throw new ExportFormatException($"The segment id \"{id[..20]}...\" is longer than 100 characters.");
        if (name.Length > 100) throw new ExportFormatException($"The segment name \"{name[..20]}...\" is longer than 100 characters.");
        return new SegmentInfo(id, name, url, DateTime.SpecifyKind(exportedOn, DateTimeKind.Utc), status);
    }
}
