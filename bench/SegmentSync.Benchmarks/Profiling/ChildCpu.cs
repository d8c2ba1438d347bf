using System.Runtime.InteropServices;

namespace SegmentSync.Benchmarks.Profiling;

/// <summary>CPU time of this process's finished (waited-for) child processes: getrusage(RUSAGE_CHILDREN) on Linux.</summary>
public static class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>User + system CPU of all waited-for children so far, or null where unavailable.</summary>
    public static TimeSpan? Total()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            if (getrusage(RusageChildren, out var usage) != 0)
            {
                return null;
            }

            var microseconds = usage.UserSeconds * 1_000_000 + usage.UserMicroseconds + usage.SystemSeconds * 1_000_000 + usage.SystemMicroseconds;
            return TimeSpan.FromMicroseconds(microseconds);
        }
        catch (DllNotFoundException)
        {
            return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int getrusage(int who, out Rusage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NvCsw;
        public long NivCsw;
    }
}
