using SegmentSync.Client.Export;
using SegmentSync.Client.Push;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>A 1,000,000-row export is read and batched with bounded memory (the file is ~60 MB).</summary>
public class StreamingTests
{
    [Fact]
    public void A_million_row_csv_is_validated_and_batched_in_bounded_memory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"segsync-million-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = new StreamWriter(path))
            {
                writer.WriteLine("CustomerId,Email,ContactId");
                Span<byte> bytes = stackalloc byte[16];
                for (var i = 0; i < 1_000_000; i++)
                {
                    new Random(i).NextBytes(bytes);
                    writer.Write("customer-");
                    writer.Write(i);
                    writer.Write(",person");
                    writer.Write(i);
                    writer.Write("@example.com,");
                    writer.WriteLine(new Guid(bytes).ToString());
                }
            }

            var source = CsvContactIdSource.WithHeader(path, "ContactId");
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0;

            var scan = ExportScan.Validate(source);
            long ids = 0;
            var batches = 0;
            foreach (var (_, batch) in ExportScan.Batches(source, PushOptions.MaxBatchSize))
            {
                ids += batch.Count;
                batches++;
                if (batches % 10 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - baseline);
            }

            Assert.Equal(1_000_000, scan.Ids);
            Assert.Equal(1_000_000, ids);
            Assert.Equal(100, batches);
            Assert.True(new FileInfo(path).Length > 60_000_000);
            // Holding the ids would take well over 100 MB; one batch of 10,000 strings is ~1 MB.
            Assert.True(peak < 32 * 1024 * 1024, $"peak managed memory above baseline was {peak / 1024 / 1024} MB");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
