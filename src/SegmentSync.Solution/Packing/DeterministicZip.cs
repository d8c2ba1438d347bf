using System.IO.Compression;

namespace SegmentSync.Solution.Packing;

/// <summary>
/// Writes a zip whose bytes depend only on its entries: ordinal path order, one fixed timestamp, Deflate, no
/// directory entries, '/' separators (as Dataverse exports solutions).
/// </summary>
public static class DeterministicZip
{
    /// <summary>The timestamp of every entry (zip times are local, whole even seconds, from 1980).</summary>
    public static readonly DateTimeOffset Timestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Write(IEnumerable<KeyValuePair<string, byte[]>> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, data) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (path.Contains('\\') || path.StartsWith('/')) throw new ArgumentException($"Zip entry '{path}' must be a relative '/'-separated path.", nameof(entries));
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = Timestamp;
                using var stream = entry.Open();
                stream.Write(data);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The entries of a zip, by path.</summary>
    public static SortedDictionary<string, byte[]> Read(Stream zipStream)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/')) continue;
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            result[entry.FullName] = copy.ToArray();
        }

        return result;
    }
}
