using System.IO.Compression;
using System.Text;
using nietras.SeparatedValues;

namespace SegmentSync.Client.Export;

/// <summary>
/// A delimited file with a header row (Customer Insights - Data's CSV export) or CDM partitions without one; the
/// contact id is the column named <c>ContactId</c> (or the one chosen) or a column position. Gzip files are read as
/// such (by content, whatever their name).
/// </summary>
public sealed class CsvContactIdSource : IContactIdSource
{
    private readonly IReadOnlyList<string> _files;
    private readonly string? _column;
    private readonly int? _columnIndex;
    private readonly char _delimiter;
    private readonly bool _hasHeader;

    private CsvContactIdSource(IReadOnlyList<string> files, string? column, int? columnIndex, char delimiter, bool hasHeader, string description)
    {
        _files = files;
        _column = column;
        _columnIndex = columnIndex;
        _delimiter = delimiter;
        _hasHeader = hasHeader;
        Description = description;
        Fingerprint = string.Join("|", files.Select(f => new FileInfo(f)).Select(f => $"{f.FullName}:{(f.Exists ? f.Length : -1)}:{(f.Exists ? f.LastWriteTimeUtc.Ticks : 0)}")) + $"|{column}|{columnIndex}|{delimiter}";
    }

    public string Description { get; }

    public string Fingerprint { get; }

    /// <summary>A CSV file with a header; the contact id is in the column named <paramref name="column"/> (case-insensitive).</summary>
    public static CsvContactIdSource WithHeader(string path, string column, char delimiter = ',') =>
        new(new[] { Path.GetFullPath(path) }, column, null, delimiter, true, Path.GetFileName(path));

    /// <summary>Header-less partitions (CDM); the contact id is the column at <paramref name="columnIndex"/>.</summary>
    public static CsvContactIdSource Partitions(IReadOnlyList<string> paths, int columnIndex, char delimiter, bool hasHeader, string description) =>
        new(paths.Select(Path.GetFullPath).ToList(), null, columnIndex, delimiter, hasHeader, description);

    public IEnumerable<ContactIdRow> Read()
    {
        foreach (var file in _files)
        {
            using var rows = ReadFile(file).GetEnumerator();
            while (true)
            {
                try
                {
                    if (!rows.MoveNext()) break;
                }
                catch (Exception e) when (e is ArgumentException or InvalidDataException or FormatException or NotSupportedException or InvalidOperationException or DecoderFallbackException)
                {
                    // The CSV reader's and gzip's complaints about the content (duplicate header names, a broken gzip stream).
                    throw new ExportFormatException($"{Path.GetFileName(file)} cannot be read as a {(_hasHeader ? "CSV file with a header" : "CSV partition")}: {e.Message}");
                }

                yield return rows.Current;
            }
        }
    }

    private IEnumerable<ContactIdRow> ReadFile(string file)
    {
        var name = Path.GetFileName(file);
        if (!File.Exists(file)) throw new ExportFormatException($"{name}: the file does not exist ({file}).");
        using var stream = OpenMaybeGzip(file);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        if (text.Peek() < 0)
        {
            if (_hasHeader) throw new ExportFormatException($"{name} is empty: expected a header row with a {_column ?? "contact id"} column.");
            yield break;
        }

        using var reader = Sep.Reader(o => o with
        {
            Sep = new Sep(_delimiter),
            HasHeader = _hasHeader,
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
        }).From(text);
        var index = _columnIndex ?? HeaderIndex(reader.Header, name);
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount <= index)
            {
                if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty) continue; // a blank line
                throw new ExportFormatException($"{name} line {line}: the row has {row.ColCount} column(s); the contact id is column {index + 1}.");
            }

            var span = row[index].Span.Trim();
            yield return new ContactIdRow(span.IsEmpty ? null : span.ToString(), name, line);
        }
    }

    private int HeaderIndex(SepReaderHeader header, string name)
    {
        var names = header.ColNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i].Trim(), _column, StringComparison.OrdinalIgnoreCase)) return i;
        }

        var shown = string.Join(", ", names.Take(10).Select(n => $"\"{n}\""));
        var hint = string.Empty;
        if (names.Count == 1)
        {
            foreach (var other in new[] { ';', '\t', '|', ',' }.Where(c => c != _delimiter))
            {
                if (names[0].Split(other).Any(n => string.Equals(n.Trim().Trim('"'), _column, StringComparison.OrdinalIgnoreCase)))
                {
                    hint = $" The header looks {Describe(other)}-delimited; pass --delimiter {(other == '\t' ? "tab" : other.ToString())}.";
                    break;
                }
            }
        }

        throw new ExportFormatException($"{name} has no column \"{_column}\" (header: {shown}).{hint} Choose the column with --contact-id-column.");
    }

    private static string Describe(char c) => c switch { '\t' => "tab", ';' => "semicolon", '|' => "pipe", ',' => "comma", _ => c.ToString() };

    internal static Stream OpenMaybeGzip(string file)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        var first = stream.ReadByte();
        var second = stream.ReadByte();
        stream.Position = 0;
        return first == 0x1f && second == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
