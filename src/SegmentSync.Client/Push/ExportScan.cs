using SegmentSync.Client.Export;

namespace SegmentSync.Client.Push;

/// <summary>
/// The first, read-only pass over an export: every contact id is checked and counted before anything is sent, so a
/// bad file changes nothing. Memory stays bounded (ids are not kept).
/// </summary>
public static class ExportScan
{
    public sealed record Result(long Rows, long Ids, long EmptyRows);

    public static Result Validate(IContactIdSource source, Action<Guid>? onId = null)
    {
        long rows = 0, ids = 0, empty = 0, bad = 0;
        var examples = new List<string>();
        foreach (var row in source.Read())
        {
            rows++;
            if (row.Value is null)
            {
                empty++;
                continue;
            }

            if (ContactIdParser.TryParse(row.Value, out var id))
            {
                ids++;
                onId?.Invoke(id);
                continue;
            }

            bad++;
            if (examples.Count < 5) examples.Add($"{row.File} line {row.Line}: \"{(row.Value.Length > 60 ? row.Value[..60] + "..." : row.Value)}\"");
        }

        if (bad > 0)
        {
            throw new ExportFormatException($"{source.Description} has {bad} contact id(s) that are not GUIDs (optionally prefixed with \"crm\"): {string.Join("; ", examples)}{(bad > examples.Count ? "; ..." : "")}. Is --contact-id-column the column that matches the Dynamics 365 Contact ID? Nothing was sent.");
        }

        return new Result(rows, ids, empty);
    }

    /// <summary>The contact ids in batches of <paramref name="batchSize"/>, in file order (the same on every read).</summary>
    public static IEnumerable<(int Number, List<string> Ids)> Batches(IContactIdSource source, int batchSize)
    {
        var batch = new List<string>(batchSize);
        var number = 1;
        foreach (var row in source.Read())
        {
            if (row.Value is null) continue;
            batch.Add(row.Value);
            if (batch.Count == batchSize)
            {
                yield return (number++, batch);
                batch = new List<string>(batchSize);
            }
        }

        if (batch.Count > 0 || number == 1) yield return (number, batch);
    }
}
