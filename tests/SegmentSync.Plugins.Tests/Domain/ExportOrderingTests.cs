using SegmentSync.Plugins.Domain;
using Xunit;

namespace SegmentSync.Plugins.Tests.Domain;

public class ExportOrderingTests
{
    private static readonly DateTime T0 = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Decide_FirstExport_Applies() => Assert.Equal(OrderingDecision.Apply, ExportOrdering.Decide(T0, null, null));

    [Fact]
    public void Decide_OlderThanApplied_IsSkipped() =>
        Assert.Equal(OrderingDecision.SkipOlderThanApplied, ExportOrdering.Decide(T0, T0.AddSeconds(1), null));

    [Fact]
    public void Decide_SameAsApplied_AppliesAgain() => Assert.Equal(OrderingDecision.Apply, ExportOrdering.Decide(T0, T0, null));

    [Fact]
    public void Decide_NewerThanAnActiveImport_Supersedes() =>
        Assert.Equal(OrderingDecision.ApplySupersedingActive, ExportOrdering.Decide(T0.AddHours(1), T0, T0));

    [Fact]
    public void Decide_OlderThanAnActiveImport_IsSkipped() =>
        Assert.Equal(OrderingDecision.SkipOlderThanActive, ExportOrdering.Decide(T0, null, T0.AddMinutes(1)));
}
