using SegmentSync.Emulator;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Solution.Generation;

/// <summary>
/// Everything the solution source is generated from: the C# schema (Custom APIs, steps, settings), the table
/// definitions the emulator runs with, and the presentation (labels, forms, views) and roles a maker sees.
/// </summary>
public sealed class SolutionDefinition
{
    public required SolutionConfig Config { get; init; }
    public required PluginAssemblyDefinition PluginAssembly { get; init; }
    public required IReadOnlyList<CustomApiDescriptor> CustomApis { get; init; }
    public required IReadOnlyList<PluginStepDescriptor> Steps { get; init; }
    public required IReadOnlyList<SettingDescriptor> Settings { get; init; }

    /// <summary>The solution's tables, registered (so they carry the system columns).</summary>
    public required IReadOnlyList<TableDefinition> Tables { get; init; }

    /// <summary>The 1:N relationships between the solution's tables.</summary>
    public required IReadOnlyList<RelationshipDefinition> Relationships { get; init; }

    public required IReadOnlyList<TablePresentation> Presentation { get; init; }
    public required IReadOnlyList<RoleDefinition> Roles { get; init; }

    /// <summary>Cloud flows (Workflows/) and the connection references their actions use.</summary>
    public IReadOnlyList<FlowDefinition> Flows { get; init; } = Array.Empty<FlowDefinition>();
    public IReadOnlyList<ConnectionReferenceDefinition> ConnectionReferences { get; init; } = Array.Empty<ConnectionReferenceDefinition>();

    public TablePresentation PresentationOf(string table) =>
        Presentation.FirstOrDefault(p => p.LogicalName == table)
        ?? throw new SolutionException($"Table {table} has no presentation (display name, columns' labels, form and views).");
}

/// <summary>A security role and its privileges (name, depth Basic|Local|Deep|Global).</summary>
public sealed record RoleDefinition(string Name, IReadOnlyList<RolePrivilege> Privileges);

/// <summary>One privilege of a role.</summary>
public sealed record RolePrivilege(string Name, string Level);
