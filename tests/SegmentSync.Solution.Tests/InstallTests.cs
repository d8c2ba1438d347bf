using System.Runtime.Versioning;
using SegmentSync.Emulator;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Installing;
using Xunit;

namespace SegmentSync.Solution.Tests;

/// <summary>Installing the zip into the emulator registers what the metadata says, run by the zip's own assembly.</summary>
public class InstallTests
{
    private static InstalledSolution Install(InMemoryDataverse? dataverse = null) =>
        SolutionInstaller.Install(dataverse ?? new InMemoryDataverse(), PackedSolution.Open(PackedSolutionFixture.ManagedZip));

    [Fact]
    public void ThePluginsThatRun_AreTheZipsNet462Assembly()
    {
        var installed = Install();
        var framework = installed.PluginAssembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false).OfType<TargetFrameworkAttribute>().Single();

        Assert.Equal(".NETFramework,Version=v4.6.2", framework.FrameworkName);
        Assert.NotSame(typeof(Plugins.Import.ImportSegmentPlugin).Assembly, installed.PluginAssembly);
        Assert.All(installed.CustomApiPlugins.Values, t => Assert.Same(installed.PluginAssembly, t.Assembly));
    }

    [Fact]
    public void CustomApis_AreRegisteredFromTheMetadata_AsThePluginsDeclareThem()
    {
        var installed = Install();

        Assert.Equal(CustomApis.All.Select(a => a.UniqueName).Order(StringComparer.Ordinal), installed.CustomApis.Select(a => a.UniqueName).Order(StringComparer.Ordinal));
        foreach (var descriptor in CustomApis.All)
        {
            var api = installed.CustomApis.Single(a => a.UniqueName == descriptor.UniqueName);
            Assert.False(api.IsFunction);
            Assert.Null(api.BoundEntityLogicalName);
            Assert.Equal(descriptor.ExecutePrivilegeName, api.ExecutePrivilegeName);
            Assert.Equal(descriptor.PluginTypeName, installed.CustomApiPlugins[descriptor.UniqueName].FullName);
            Assert.Equal(
                descriptor.RequestParameters.Select(f => (f.UniqueName, (int)f.Type, f.IsOptional)).OrderBy(f => f.UniqueName, StringComparer.Ordinal),
                api.RequestParameters.Select(f => (f.UniqueName, (int)f.Type, f.IsOptional)).OrderBy(f => f.UniqueName, StringComparer.Ordinal));
            Assert.Equal(
                descriptor.ResponseProperties.Select(f => (f.UniqueName, (int)f.Type)).OrderBy(f => f.UniqueName, StringComparer.Ordinal),
                api.ResponseProperties.Select(f => (f.UniqueName, (int)f.Type)).OrderBy(f => f.UniqueName, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Tables_ReadBackFromCustomizations_AreTheTablesTheEmulatorRunsWith()
    {
        var installed = Install();
        var expected = Repository.Definition().Tables;

        Assert.Equal(expected.Select(t => t.LogicalName).Order(StringComparer.Ordinal), installed.Tables.Select(t => t.LogicalName).Order(StringComparer.Ordinal));
        foreach (var table in expected)
        {
            var actual = installed.Tables.Single(t => t.LogicalName == table.LogicalName);
            Assert.Equal(table.PrimaryIdAttribute, actual.PrimaryIdAttribute);
            Assert.Equal(table.PrimaryNameAttribute, actual.PrimaryNameAttribute);
            Assert.Equal(table.EntitySetName, actual.EntitySetName);
            Assert.Equal(Describe(table), Describe(actual));
            Assert.Equal(table.AlternateKeys.Select(k => k.Name + ":" + string.Join(",", k.Attributes)), actual.AlternateKeys.Select(k => k.Name + ":" + string.Join(",", k.Attributes)));
            Assert.Equal(table.Statuses.OrderBy(s => s.Status), actual.Statuses.OrderBy(s => s.Status));
        }
    }

    [Fact]
    public void Settings_AreInstalledWithTheirDefaults()
    {
        var installed = Install();

        Assert.Equal(SegmentSyncSettings.All.ToDictionary(s => s.SchemaName, s => s.DefaultValue).OrderBy(s => s.Key, StringComparer.Ordinal), installed.EnvironmentVariables);
    }

    [Fact]
    public void NoStepsAreRegistered_BecauseCustomApisNeedNone()
    {
        Assert.Empty(Install().Steps);
        Assert.Empty(PluginSteps.All);
    }

    private static List<string> Describe(TableDefinition table) => table.Columns
        .OrderBy(c => c.LogicalName, StringComparer.Ordinal)
        .Select(c => string.Join("|", c.LogicalName, c.Kind, c.IsText ? c.MaxLength : 0, c.Kind == ColumnKind.Integer ? $"{c.MinValue}..{c.MaxValue}" : "",
            c.Required, string.Join(",", c.Options.Order()), string.Join(",", c.Targets), c.DefaultValue, c.IsSystemManaged))
        .ToList();
}
