using System;

namespace SegmentSync.Emulator;

/// <summary>
/// Where a request comes from: the user it runs as, its depth, the transaction it joins (null: it starts its own),
/// the plug-in context that issued it, and whether it is a real request (counted, fault-injectable) or platform work.
/// </summary>
internal sealed record CallScope
{
    public required Guid UserId { get; init; }

    public required Guid InitiatingUserId { get; init; }

    public int Depth { get; init; } = 1;

    public Transaction? Transaction { get; init; }

    public PluginExecutionContext? ParentContext { get; init; }

    public Guid CorrelationId { get; init; } = Guid.NewGuid();

    public bool FromPlugin { get; init; }

    /// <summary>Platform work (Upsert's inner Create, cascades): not counted in RequestLog, never fault-injected.</summary>
    public bool Internal { get; init; }

    /// <summary>A scope for a caller outside Dataverse: depth 1, no transaction, a new correlation id per request.</summary>
    public static CallScope External(Guid userId) => new() { UserId = userId, InitiatingUserId = userId };
}
