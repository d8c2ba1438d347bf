using System.Diagnostics;
using CsCheck;
using Xunit;

namespace SegmentSync.Tests.Shared;

/// <summary>
/// Runs a fuzz sample (CsCheck) on all cores with a deadline, timing the slowest single input: a hang or a pathological
/// input fails the test as surely as an exception does. Linked into the test projects that fuzz.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>Runs <paramref name="check"/> on <paramref name="iterations"/> samples; returns how many ran and the slowest.</summary>
    public static (long Iterations, TimeSpan Slowest) Run<T>(string name, Gen<T> gen, Action<T> check, long iterations, TimeSpan deadline, TimeSpan slowestAllowed)
    {
        long count = 0;
        long slowestTicks = 0;
        var run = Task.Run(() => gen.Sample(value =>
        {
            var watch = Stopwatch.StartNew();
            check(value);
            Interlocked.Increment(ref count);
            var ticks = watch.Elapsed.Ticks;
            long seen;
            while (ticks > (seen = Interlocked.Read(ref slowestTicks)) && Interlocked.CompareExchange(ref slowestTicks, ticks, seen) != seen)
            {
            }
        }, iter: iterations));
        Assert.True(run.Wait(deadline), $"{name}: the fuzz run did not finish within {deadline} (a hang)");
        var slowest = TimeSpan.FromTicks(Interlocked.Read(ref slowestTicks));
        Assert.True(slowest < slowestAllowed, $"{name}: one input took {slowest.TotalMilliseconds} ms");
        return (Interlocked.Read(ref count), slowest);
    }
}
