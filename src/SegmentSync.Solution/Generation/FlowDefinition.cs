using System.Text.Json.Nodes;

namespace SegmentSync.Solution.Generation;

/// <summary>
/// A connection reference the solution carries (connectionreference): the connection a flow's connector actions use,
/// chosen by the maker when the solution is imported.
/// </summary>
public sealed record ConnectionReferenceDefinition(string LogicalName, string DisplayName, string ConnectorId, string Description)
{
    /// <summary>The connector's API name (the last segment of <see cref="ConnectorId"/>), e.g. shared_commondataserviceforapps.</summary>
    public string ApiName => ConnectorId[(ConnectorId.LastIndexOf('/') + 1)..];
}

/// <summary>
/// A cloud flow the solution carries (a workflow of category 5): its name, its state after import, and its
/// definition as Power Automate stores it (Workflows/&lt;Name&gt;-&lt;GUID&gt;.json).
/// </summary>
public sealed class FlowDefinition
{
    /// <summary>The flow's display name (workflow.name), also the source of its id and file name.</summary>
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>On (activated) after import; off (draft) flows wait for a maker to turn them on.</summary>
    public required bool IsOnAfterImport { get; init; }

    /// <summary>The connection references the flow's actions use (keys of properties.connectionReferences).</summary>
    public required IReadOnlyList<ConnectionReferenceDefinition> ConnectionReferences { get; init; }

    /// <summary>The Logic Apps workflow definition (properties.definition): $schema, parameters, triggers, actions.</summary>
    public required JsonObject Definition { get; init; }
}
