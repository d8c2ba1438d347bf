using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace SegmentSync.Emulator;

/// <summary>
/// A plug-in step (sdkmessageprocessingstep): which message and table trigger it, at which stage, in which mode,
/// and which images it receives.
/// </summary>
public sealed class StepRegistration
{
    /// <summary>An empty registration; set MessageName and Stage in the initializer.</summary>
    public StepRegistration()
    {
    }

    /// <summary>A step for <paramref name="messageName"/> on <paramref name="primaryEntity"/> (null: any table).</summary>
    [SetsRequiredMembers]
    public StepRegistration(string messageName, string? primaryEntity, PipelineStage stage, StepMode mode = StepMode.Synchronous)
    {
        MessageName = messageName;
        PrimaryEntity = primaryEntity;
        Stage = (int)stage;
        Mode = mode;
    }

    /// <summary>The step's id (sdkmessageprocessingstepid), reported as the context's OwningExtension.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>A readable name for traces; defaults to the plug-in type name.</summary>
    public string? Name { get; init; }

    /// <summary>The message (Create, Update, a Custom API name, ...).</summary>
    public required string MessageName { get; init; }

    /// <summary>The table, or null (or "none") for every table and for messages without one.</summary>
    public string? PrimaryEntity { get; init; }

    /// <summary>10 (pre-validation), 20 (pre-operation) or 40 (post-operation); see <see cref="PipelineStage"/>.</summary>
    public required int Stage { get; init; }

    /// <summary>Synchronous, or asynchronous (post-operation only).</summary>
    public StepMode Mode { get; init; } = StepMode.Synchronous;

    /// <summary>Execution order within the stage: lower first; equal ranks run in registration order.</summary>
    public int Rank { get; init; } = 1;

    /// <summary>Update only: the step runs only when the Target contains one of these attributes (null or empty: always).</summary>
    public IReadOnlyCollection<string>? FilteringAttributes { get; init; }

    /// <summary>Attributes of the pre-image (Update, Delete); null: no pre-image; empty: all attributes.</summary>
    public IReadOnlyCollection<string>? PreImageAttributes { get; init; }

    /// <summary>Attributes of the post-image (Create, Update; stage 40 only); null: no post-image; empty: all attributes.</summary>
    public IReadOnlyCollection<string>? PostImageAttributes { get; init; }

    /// <summary>The key of the pre-image in PreEntityImages.</summary>
    public string PreImageName { get; init; } = "PreImage";

    /// <summary>The key of the post-image in PostEntityImages.</summary>
    public string PostImageName { get; init; } = "PostImage";
}
