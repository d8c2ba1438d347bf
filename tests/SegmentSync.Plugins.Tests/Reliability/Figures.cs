using Xunit.Abstractions;

namespace SegmentSync.Plugins.Tests.Reliability;

/// <summary>
/// The counts the reliability tests report (faults injected, bad inputs tried, fuzz iterations, interleavings, data
/// lost): one line per test in its output, "[figures] name=value detail". scripts/reliability-figures.sh runs the
/// tests and sums them for docs/RELIABILITY.md.
/// </summary>
public static class Figures
{
    public const string Category = "Reliability";

    public static void Report(ITestOutputHelper output, string name, long value, string detail = "") =>
        output.WriteLine($"[figures] {name}={value} {detail}".TrimEnd());
}
