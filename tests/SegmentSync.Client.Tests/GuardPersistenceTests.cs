using SegmentSync.LocalEnvironment;
using SegmentSync.Plugins.Schema;
using SegmentSync.WebApi.Persistence;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>
/// Whether the guard is on survives a restart of `segsync emulate`: a kept organization's step records decide, and a
/// new one gets the guard switched on.
/// </summary>
public sealed class GuardPersistenceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("segsync-guard-").FullName;

    private string Db => Path.Combine(_folder, "emulator.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Starts an organization on the database as segsync emulate does, and returns its guard steps.</summary>
    private (SegmentSyncEnvironment Environment, SqliteStore Store) Start()
    {
        var environment = SegmentSyncEnvironment.Create(guardOn: !SqliteStore.HasData(Db));
        return (environment, SqliteStore.Attach(environment.Dataverse, Db));
    }

    private static int GuardSteps(SegmentSyncEnvironment environment) =>
        environment.Dataverse.Plugins.Steps.Count(s => s.Name?.StartsWith(PluginSteps.GuardPluginType, StringComparison.Ordinal) == true);

    [Fact]
    public void ANewDatabase_GetsTheGuard_AndAGuardSwitchedOffStaysOff_UntilSwitchedOnAgain()
    {
        var all = PluginSteps.OutboundGuard.Count + PluginSteps.RealTimeGuard.Count;
        Assert.False(SqliteStore.HasData(Db));

        var (first, store) = Start();
        var onAtFirst = GuardSteps(first);
        first.ConfigureGuard(enabled: false);
        store.Dispose();

        var (second, secondStore) = Start();
        var afterRestartOff = GuardSteps(second);
        second.ConfigureGuard(enabled: true);
        secondStore.Dispose();

        var (third, thirdStore) = Start();
        var afterRestartOn = GuardSteps(third);
        thirdStore.Dispose();

        Assert.Equal(all, onAtFirst);
        Assert.Equal(0, afterRestartOff);
        Assert.Equal(all, afterRestartOn);
        Assert.True(SqliteStore.HasData(Db));
    }
}
