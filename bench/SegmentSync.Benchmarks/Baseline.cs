using SegmentSync.Benchmarks.Profiling;

namespace SegmentSync.Benchmarks;

/// <summary>
/// The bare baseline of a scenario: parse the same id strings into GUIDs and diff two hash sets (wanted against the
/// current membership), nothing else. Thread CPU time, the best of three runs, in the same process as the measurement.
/// </summary>
public static class Baseline
{
    public static double Milliseconds(Scenario scenario)
    {
        using var gc = MeasurementGc.Begin();
        var best = double.MaxValue;
        long checksum = 0;
        for (var run = 0; run < 3; run++)
        {
            var start = ThreadCpu.Now();
            foreach (var import in scenario.Imports)
            {
                checksum += ParseAndDiff(import.Ids, import.Current);
            }

            best = Math.Min(best, ThreadCpu.Ms(ThreadCpu.Now() - start));
        }

        return checksum < 0 ? double.NaN : best;
    }

    private static long ParseAndDiff(List<string> ids, IReadOnlyCollection<Guid> currentMembers)
    {
        var wanted = new HashSet<Guid>();
        foreach (var text in ids)
        {
            wanted.Add(Guid.Parse(text));
        }

        var current = new HashSet<Guid>(currentMembers);
        long adds = 0, removes = 0;
        foreach (var id in wanted)
        {
            if (!current.Contains(id))
            {
                adds++;
            }
        }

        foreach (var id in current)
        {
            if (!wanted.Contains(id))
            {
                removes++;
            }
        }

        return adds + removes;
    }
}
