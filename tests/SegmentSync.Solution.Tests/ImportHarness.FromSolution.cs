using SegmentSync.LocalEnvironment;
using SegmentSync.Solution.Tests;

namespace SegmentSync.Plugins.Tests.Import;

/// <summary>The linked import suites run on an environment into which the packed managed solution was imported.</summary>
public sealed partial class ImportHarness
{
    static partial void ProvideEnvironment(ref SegmentSyncEnvironment? environment) =>
        environment = SegmentSyncEnvironment.FromSolution(PackedSolutionFixture.ManagedZip);
}
