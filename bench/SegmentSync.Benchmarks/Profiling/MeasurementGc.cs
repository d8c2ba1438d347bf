namespace SegmentSync.Benchmarks.Profiling;

/// <summary>
/// Starts a measurement from a compacted heap. The emulator keeps every table in the plug-in's process (a million
/// contacts are ~300 MB), which the plug-in's sandbox in Dataverse does not; collecting first (and background full
/// collections, see the project file) keep the collections a measurement pays for about its own garbage as far as
/// possible. Collections during the measurement still count.
/// </summary>
public readonly struct MeasurementGc : IDisposable
{
    public static MeasurementGc Begin()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return default;
    }

    public void Dispose()
    {
    }
}
