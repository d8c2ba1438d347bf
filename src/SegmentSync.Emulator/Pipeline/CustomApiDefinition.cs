using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace SegmentSync.Emulator;

/// <summary>A Custom API (customapi row with its request parameters and response properties).</summary>
public sealed class CustomApiDefinition
{
    /// <summary>An empty definition; set <see cref="UniqueName"/> in the initializer.</summary>
    public CustomApiDefinition()
    {
    }

    /// <summary>A Custom API named <paramref name="uniqueName"/> (the message name callers use).</summary>
    [SetsRequiredMembers]
    public CustomApiDefinition(string uniqueName)
    {
        UniqueName = uniqueName;
    }

    /// <summary>The message name.</summary>
    public required string UniqueName { get; init; }

    /// <summary>True for a function (GET in the Web API); the SDK calls it like any message.</summary>
    public bool IsFunction { get; init; }

    /// <summary>Which additional plug-in steps may be registered on the API.</summary>
    public CustomProcessingStepType AllowedCustomProcessingStepType { get; init; } = CustomProcessingStepType.None;

    /// <summary>The privilege callers need; a caller without it is refused (see <see cref="SecurityModel"/>).</summary>
    public string? ExecutePrivilegeName { get; init; }

    /// <summary>For an entity-bound API: the table; callers then pass the record as the "Target" EntityReference.</summary>
    public string? BoundEntityLogicalName { get; init; }

    /// <summary>The request parameters.</summary>
    public List<CustomApiParameter> RequestParameters { get; init; } = new();

    /// <summary>The response properties.</summary>
    public List<CustomApiParameter> ResponseProperties { get; init; } = new();
}
