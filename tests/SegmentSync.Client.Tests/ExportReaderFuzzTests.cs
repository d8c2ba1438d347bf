using SegmentSync.Tests.Shared;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CsCheck;
using SegmentSync.Client.Export;
using Xunit;
using Xunit.Abstractions;

namespace SegmentSync.Client.Tests;

/// <summary>
/// Fuzzing (CsCheck) of what segsync push reads: CSV exports (plain and gzip), CDM model.json, manifests, and contact
/// ids. Any file may be garbage; reading it must end in rows or in an <see cref="ExportFormatException"/> naming the
/// problem — never another exception, never a hang (each input is timed, each run has a deadline).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ExportReaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private readonly string _folder = Directory.CreateTempSubdirectory("segsync-fuzz-").FullName;
    private int _file;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Write(byte[] content, string extension = ".csv")
    {
        var path = Path.Combine(_folder, "f" + Interlocked.Increment(ref _file) + extension);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static readonly Gen<string> CsvText = Gen.OneOf(
        Gen.Char["ContactId,;\t|\"\r\n 0123456789abcdef-crm{}\u00a0\u0000\ufeffé"].Array[0, 300].Select(c => new string(c)),
        Gen.Select(Gen.OneOfConst("ContactId", "contactid", " ContactId ", "\"ContactId\"", "Id", "ContactId,ContactId", "CustomerId;ContactId"),
                Gen.Select(Gen.Guid, Gen.OneOfConst("", "crm", "\"", " "), Gen.OneOfConst("", ",x", ";y", "\"", ",\"a\"\"b\"", ",,,"))
                    .Select((id, prefix, tail) => prefix + id + tail).Array[0, 40],
                Gen.OneOfConst("\n", "\r\n", "\r"))
            .Select((header, rows, eol) => header + eol + string.Join(eol, rows)),
        Gen.String);

    private static readonly Gen<byte[]> CsvBytes = Gen.OneOf(
        CsvText.Select(Encoding.UTF8.GetBytes),
        CsvText.Select(t => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(t)).ToArray()),
        CsvText.Select(t => Encoding.Unicode.GetBytes(t)),
        CsvText.Select(Gzip),
        Gen.Select(CsvText, Gen.Int[0, 100]).Select((t, cut) => { var z = Gzip(t); return z[..Math.Min(z.Length, cut)]; }),
        Gen.Byte.Array[0, 200].Select(b => new byte[] { 0x1f, 0x8b }.Concat(b).ToArray()),
        Gen.Byte.Array[0, 300]);

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }

    /// <summary>Runs the sample with a deadline and times the slowest input.</summary>
    private void Fuzz<T>(string name, Gen<T> gen, Action<T> check, long iterations)
    {
        var (count, slowest) = FuzzRunner.Run(name, gen, check, iterations, Deadline, TimeSpan.FromSeconds(2));
        output.WriteLine($"[figures] fuzz-iterations={count} {name}: slowest input {slowest.TotalMilliseconds:0.###} ms");
    }

    private static void OnlyFormatErrors(Action read)
    {
        try
        {
            read();
        }
        catch (ExportFormatException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Fact]
    public void Csv_exports_read_to_rows_or_fail_with_a_format_error()
    {
        Fuzz("CSV export (header, gzip, encodings)", Gen.Select(CsvBytes, Gen.OneOfConst(',', ';', '\t', '|')), sample =>
        {
            var (bytes, delimiter) = sample;
            var path = Write(bytes);
            OnlyFormatErrors(() =>
            {
                foreach (var row in CsvContactIdSource.WithHeader(path, "ContactId", delimiter).Read())
                {
                    Assert.True(row.Line > 0);
                    Assert.True(row.Value is null || row.Value.Length > 0);
                }
            });
            File.Delete(path);
        }, 4_000);

        Fuzz("CDM partition (no header, column index)", Gen.Select(CsvBytes, Gen.Int[0, 3], Gen.Bool), sample =>
        {
            var (bytes, index, header) = sample;
            var path = Write(bytes);
            OnlyFormatErrors(() => CsvContactIdSource.Partitions([path], index, ',', header, "fuzz").Read().Count());
            File.Delete(path);
        }, 2_000);
    }

    private static readonly Gen<string> JsonValue = Gen.OneOfConst("null", "1", "-0.5e3", "true", "\"\"", "\"x\"", "[]", "{}", "\"2026-12-04T06:00:00Z\"", "\"not a date\"", "\",\"", "\"..\\/..\\/etc\"", "\"\\u0000\"", "\"C:\\\\x\"", "\"https://a.blob.core.windows.net/c/p.csv\"", "\"p1.csv\"");

    private static readonly Gen<string> ModelJson = Gen.OneOf(
        Gen.Select(JsonValue.Array[7], JsonValue.Array[0, 3], Gen.Bool, Gen.Int[0, 2])
            .Select((v, attributes, partitions, entities) =>
                "{\"name\":\"m\",\"modifiedTime\":" + v[0] + ",\"entities\":[" + string.Join(",", Enumerable.Range(0, entities).Select(e =>
                    "{\"name\":" + (e == 0 ? "\"Segment" + e + "\"" : v[1]) + ",\"attributes\":[" + string.Join(",", attributes.Select(a => "{\"name\":" + a + "}")) + (attributes.Length > 0 ? "," : "") + "{\"name\":\"ContactId\"}]"
                    + ",\"annotations\":[{\"name\":\"segmentId\",\"value\":" + v[2] + "},{\"name\":" + v[3] + ",\"value\":" + v[4] + "}]"
                    + (partitions ? ",\"partitions\":[{\"location\":" + v[5] + ",\"refreshTime\":" + v[6] + ",\"fileFormatSettings\":{\"delimiter\":" + v[3] + ",\"columnHeaders\":" + v[4] + "}}]" : "")
                    + "}")) + "]}"),
        Gen.Char["{}[]\":,entitiesnameattributespartitionslocation0123456789 truefalsenull\\"].Array[0, 200].Select(c => new string(c)),
        Gen.String);

    [Fact]
    public void Cdm_model_json_reads_or_fails_with_a_format_error()
    {
        Fuzz("CDM model.json", ModelJson, json =>
        {
            var folder = Path.Combine(_folder, "cdm" + Interlocked.Increment(ref _file));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "model.json"), json);
            File.WriteAllText(Path.Combine(folder, "p1.csv"), Guid.NewGuid() + "\n");
            OnlyFormatErrors(() =>
            {
                var model = CdmFolder.Open(folder);
                foreach (var entity in model.Entities)
                {
                    Assert.False(string.IsNullOrEmpty(entity.Name));
                }

                var loaded = ExportLoader.Load(new ExportOptions { Input = folder, SegmentUrl = "https://contoso.crm.dynamics.com/ci/segments/{id}" });
                foreach (var segment in loaded.ToPush)
                {
                    segment.Source.Read().Count();
                }
            });
            Directory.Delete(folder, recursive: true);
        }, 3_000);
    }

    private static readonly Gen<string> ManifestJson = Gen.OneOf(
        Gen.Select(JsonValue.Array[7], Gen.Int[0, 2]).Select((v, count) => "{\"segments\":[" + string.Join(",", Enumerable.Range(0, count).Select(_ =>
            "{\"id\":" + v[0] + ",\"name\":" + v[1] + ",\"url\":" + v[2] + ",\"exportedOn\":" + v[3] + ",\"status\":" + v[4] + ",\"file\":" + v[5] + ",\"entity\":" + v[6] + "}")) + "]}"),
        Gen.Char["{}[]\":,segmentsidnameurlfileexportedOnstatus /*0123456789\\"].Array[0, 200].Select(c => new string(c)),
        Gen.String);

    [Fact]
    public void Manifests_load_or_fail_with_a_format_error()
    {
        Fuzz("export manifest", ManifestJson, json =>
        {
            var path = Write(Encoding.UTF8.GetBytes(json), ".json");
            File.WriteAllText(Path.Combine(_folder, "p1.csv"), "ContactId\n" + Guid.NewGuid() + "\n");
            OnlyFormatErrors(() =>
            {
                var manifest = ExportManifest.Load(path);
                foreach (var segment in manifest.Segments)
                {
                    _ = segment.ExportedOnUtc;
                }

                foreach (var segment in ExportLoader.Load(new ExportOptions { Input = path, SegmentUrl = "https://contoso.crm.dynamics.com/ci/segments/{id}" }).ToPush)
                {
                    segment.Source.Read().Count();
                }
            });
            File.Delete(path);
        }, 3_000);
    }

    [Fact]
    public void The_clients_contact_id_parser_never_throws_and_agrees_with_the_plug_in()
    {
        var text = Gen.OneOf(
            Gen.Select(Gen.Guid, Gen.OneOfConst("D", "N", "B", "P", "X"), Gen.OneOfConst("", "crm", "CRM", " crm", "crm ", "crmcrm", " "), Gen.OneOfConst("", " ", "\t", "x"))
                .Select((g, f, prefix, suffix) => prefix + g.ToString(f) + suffix),
            Gen.Char["0123456789abcdef-{}(),x crm\t"].Array[0, 50].Select(c => new string(c)),
            Gen.String);
        Fuzz("client contact id", text, value =>
        {
            var client = ContactIdParser.TryParse(value, out var a);
            var plugin = SegmentSync.Plugins.Domain.ContactIdParser.TryParse(value, out var b);
            Assert.True(client == plugin, $"\"{value}\": client {client}, plug-in {plugin}");
            if (client)
            {
                Assert.Equal(b, a);
            }
        }, 100_000);
    }
}
