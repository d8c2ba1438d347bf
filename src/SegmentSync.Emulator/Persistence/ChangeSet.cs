using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>A row as it is now after a commit: <see cref="Row"/> holds every column with a value, or is null when the row was deleted.</summary>
public sealed record RowChange(string Table, Guid Id, Entity? Row);

/// <summary>
/// One item of model state kept outside the tables (a segment's member, a real-time segment's group declarations)
/// as it is now: <see cref="Value"/> is null when the item no longer exists.
/// </summary>
public sealed record StateChange(string Model, string Key, string? Value);

/// <summary>What one top-level request (or Seed) left changed, or a whole organization (<see cref="InMemoryDataverse.Snapshot"/>).</summary>
public sealed class ChangeSet
{
    public List<RowChange> Rows { get; } = new();

    public List<StateChange> States { get; } = new();

    public bool IsEmpty => Rows.Count == 0 && States.Count == 0;
}
