using System;
using System.Collections.Generic;

namespace SegmentSync.Emulator;

/// <summary>
/// The rows and model-state items a request touched. At the end of a top-level request their current state is
/// published, so a rolled-back write simply publishes the state from before it.
/// </summary>
internal sealed class ChangeTracker
{
    public HashSet<(string Table, Guid Id)> Rows { get; } = new();

    public HashSet<(IPersistentState Owner, string Key)> States { get; } = new();

    public void Clear()
    {
        Rows.Clear();
        States.Clear();
    }
}

/// <summary>Model state kept outside the tables, readable and loadable item by item so it can be persisted.</summary>
internal interface IPersistentState
{
    /// <summary>The model's name in a <see cref="StateChange"/>.</summary>
    string Name { get; }

    /// <summary>The item's current value, or null when it does not exist.</summary>
    string? Read(string key);

    /// <summary>Every item that exists.</summary>
    IEnumerable<KeyValuePair<string, string>> ReadAll();

    /// <summary>Sets an item (null removes it) without any pipeline or rollback.</summary>
    void Load(string key, string? value);
}
