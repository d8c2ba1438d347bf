using System;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>One request's trip through the pipeline: the parameter collections all its steps share, and its transaction.</summary>
internal sealed class PipelineRun
{
    public required string MessageName { get; init; }

    public required string? PrimaryEntityName { get; init; }

    public Guid PrimaryEntityId { get; set; }

    public required ParameterCollection Input { get; init; }

    public ParameterCollection Output { get; } = new();

    public ParameterCollection Shared { get; } = new();

    public required CallScope Scope { get; init; }

    /// <summary>The transaction stages 20-40 run in (own or joined); null outside one.</summary>
    public Transaction? Transaction { get; set; }

    public Guid RequestId { get; init; } = Guid.NewGuid();

    public Guid OperationId { get; } = Guid.NewGuid();

    public required DateTime CreatedOn { get; init; }

    /// <summary>The request as the main operation sees it: the original name, the (possibly modified) shared input.</summary>
    public OrganizationRequest EffectiveRequest(OrganizationRequest original)
    {
        return new OrganizationRequest(original.RequestName) { Parameters = Input, RequestId = original.RequestId };
    }
}
