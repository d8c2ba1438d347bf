using System.Collections.Concurrent;

namespace SegmentSync.Emulator;

/// <summary>
/// Shared boxes for option values and booleans: a million rows with statecode 0 then hold one boxed 0, not a
/// million (rows are immutable, so sharing is safe).
/// </summary>
internal static class Boxes
{
    private static readonly ConcurrentDictionary<int, object> Options = new();
    private static readonly object True = true;
    private static readonly object False = false;

    public static object Option(int value) => Options.GetOrAdd(value, v => v);

    public static object Bool(bool value) => value ? True : False;
}
