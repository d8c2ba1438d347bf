using SegmentSync.Emulator;
using SegmentSync.Solution;
using SegmentSync.Solution.Content;
using SegmentSync.Solution.Generation;

namespace SegmentSync.LocalEnvironment;

/// <summary>
/// The definition the solution source (solution/) is generated from: the schema classes, and SegmentSync's tables
/// exactly as <see cref="SegmentSyncTables"/> registers them for the emulator.
/// </summary>
public static class SegmentSyncSolutionSource
{
    public static SolutionDefinition Definition(SolutionConfig config)
    {
        var dataverse = new InMemoryDataverse();
        SegmentSyncTables.Register(dataverse);
        return SegmentSyncSolution.Define(config, dataverse.Metadata);
    }
}
