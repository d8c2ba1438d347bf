using SegmentSync.Emulator;
using SegmentSync.Plugins.Import;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Generation;

namespace SegmentSync.Solution.Content;

/// <summary>
/// SegmentSync's solution, defined from the single sources of truth: the plug-in assembly's schema classes (Custom
/// APIs, steps, settings, names and option values) and the table definitions the emulator runs with.
/// </summary>
public static class SegmentSyncSolution
{
    /// <summary>The role the integration user (the caller of the Custom APIs) gets.</summary>
    public const string IntegrationRoleName = "SegmentSync Integration";

    /// <summary>The role for people who read the run history.</summary>
    public const string RunHistoryReaderRoleName = "SegmentSync Run History Reader";

    /// <summary>
    /// The definition, with the solution's tables and relationships taken from <paramref name="metadata"/> (a registry
    /// into which SegmentSync's tables were registered): those whose names carry the publisher prefix.
    /// </summary>
    public static SolutionDefinition Define(SolutionConfig config, MetadataRegistry metadata)
    {
        var prefix = config.Publisher.Prefix + "_";
        var tables = metadata.Tables.Where(t => t.LogicalName.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(t => t.LogicalName, StringComparer.Ordinal).ToList();
        var relationships = metadata.Relationships
            .Where(r => !r.IsManyToMany && tables.Any(t => t.LogicalName == r.ReferencingEntity))
            .OrderBy(r => r.SchemaName, StringComparer.Ordinal)
            .ToList();
        return new SolutionDefinition
        {
            Config = config,
            PluginAssembly = PluginAssemblyDefinition.FromAssembly(typeof(ImportSegmentPlugin).Assembly),
            CustomApis = CustomApis.All,
            Steps = PluginSteps.All,
            Settings = SegmentSyncSettings.All,
            Tables = tables,
            Relationships = relationships,
            Presentation = SegmentSyncPresentation.All,
            Roles = Roles(tables.Select(t => t.LogicalName).ToList()),
            Flows = SegmentSyncFlows.All,
            ConnectionReferences = SegmentSyncFlows.ConnectionReferences,
        };
    }

    /// <summary>The solution's security roles, given the logical names of its tables (the local environment gives them to users too).</summary>
    public static IReadOnlyList<RoleDefinition> Roles(IReadOnlyList<string> tables)
    {
        var integration = new List<RolePrivilege>();
        foreach (var table in tables)
        {
            integration.AddRange(new[] { "Create", "Read", "Write", "Delete", "Append", "AppendTo" }.Select(a => Global("prv" + a + table)));
        }

        // The plug-ins run as the caller: reading contacts, cleaning up staging with BulkDelete, and reading the
        // settings (environment variables). Writing Journeys segments is granted by Customer Insights - Journeys' own
        // roles: the segment tables differ between environments (outbound or real-time), and a role naming a table
        // the environment lacks would make the whole solution fail to import.
        integration.Add(Global("prvReadContact"));
        integration.Add(Global("prvBulkDelete"));
        integration.Add(Global("prvReadEnvironmentVariableDefinition"));
        integration.Add(Global("prvReadEnvironmentVariableValue"));
        // A run records who triggered it and a release who released the segment: lookups to systemuser.
        integration.Add(Global("prvAppendToUser"));

        var reader = tables.Select(t => Global("prvRead" + t)).ToList();
        return new[]
        {
            new RoleDefinition(IntegrationRoleName, integration),
            new RoleDefinition(RunHistoryReaderRoleName, reader),
        };
    }

    private static RolePrivilege Global(string name) => new(name, "Global");
}
