using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SegmentSync.Benchmarks.Profiling;

/// <summary>
/// CPU time of the calling thread (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)), so measurements do not depend on
/// what else the machine runs. Elsewhere it falls back to wall time.
/// </summary>
public static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    static ThreadCpu()
    {
        try
        {
            Available = OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (DllNotFoundException)
        {
            Available = false;
        }
        catch (EntryPointNotFoundException)
        {
            Available = false;
        }
    }

    public static bool Available { get; }

    /// <summary>Nanoseconds of CPU this thread has used (or of wall time when unavailable).</summary>
    public static long Now()
    {
        if (Available && clock_gettime(ClockThreadCpuTimeId, out var ts) == 0)
        {
            return ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));
    }

    public static double Ms(long nanoseconds) => nanoseconds / 1_000_000.0;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out Timespec value);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
