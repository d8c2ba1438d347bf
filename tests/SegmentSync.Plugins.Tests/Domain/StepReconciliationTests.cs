using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using Xunit;

namespace SegmentSync.Plugins.Tests.Domain;

public class StepReconciliationTests
{
    private static readonly PluginStepDescriptor Update = new("T", "Update", "msdyncrm_segment", 20, 0, "d", "b,a");
    private static readonly PluginStepDescriptor Include = new("T", "msdyncrm_IncludeMembersInSegment", "none", 20, 0, "d");

    private static ExistingStep Registered(PluginStepDescriptor like, string? filtering = null, bool enabled = true, int? stage = null, string? message = null, string? entity = null) =>
        new(Guid.NewGuid(), message ?? like.MessageName, entity ?? like.PrimaryEntity, stage ?? like.Stage, like.Mode, like.Rank, filtering ?? like.FilteringAttributes, enabled);

    [Fact]
    public void NothingRegistered_CreatesEveryWantedStep()
    {
        var changes = StepReconciliation.Plan([Update, Include], []);

        Assert.Equal([Update, Include], changes.ToCreate);
        Assert.Empty(changes.ToUpdate);
        Assert.Empty(changes.ToDelete);
        Assert.Equal(2, changes.ActiveAfter);
    }

    [Fact]
    public void StepsAsWanted_AreLeftAlone_ComparingNamesWithoutCase_AndColumnsInAnyOrder()
    {
        var changes = StepReconciliation.Plan([Update, Include],
            [Registered(Update, filtering: "a, B", message: "update", entity: "MSDYNCRM_SEGMENT"), Registered(Include, entity: "")]);

        Assert.Empty(changes.ToCreate);
        Assert.Empty(changes.ToUpdate);
        Assert.Empty(changes.ToDelete);
        Assert.Equal(2, changes.Unchanged);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("stage")]
    [InlineData("columns")]
    public void AStepThatDiffers_IsUpdated(string difference)
    {
        var existing = difference switch
        {
            "disabled" => Registered(Update, enabled: false),
            "stage" => Registered(Update, stage: 40),
            _ => Registered(Update, filtering: "a"),
        };

        var changes = StepReconciliation.Plan([Update], [existing]);

        var update = Assert.Single(changes.ToUpdate);
        Assert.Same(existing, update.Existing);
        Assert.Same(Update, update.Wanted);
        Assert.Equal(1, changes.ActiveAfter);
    }

    [Fact]
    public void UnwantedSteps_AndDuplicates_AreDeleted()
    {
        var first = Registered(Update);
        var duplicate = Registered(Update);
        var other = Registered(Include);

        var changes = StepReconciliation.Plan([Update], [first, duplicate, other]);

        Assert.Equal([duplicate, other], changes.ToDelete);
        Assert.Equal(1, changes.Unchanged);
        Assert.Equal(1, changes.ActiveAfter);
    }

    [Fact]
    public void NothingWanted_DeletesEverything()
    {
        var steps = new[] { Registered(Update), Registered(Include) };

        var changes = StepReconciliation.Plan([], steps);

        Assert.Equal(steps, changes.ToDelete);
        Assert.Equal(0, changes.ActiveAfter);
    }
}
