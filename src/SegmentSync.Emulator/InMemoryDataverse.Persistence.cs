using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>The change feed and restore that let a host persist the organization (segsync emulate keeps it in SQLite).</summary>
public sealed partial class InMemoryDataverse
{
    private readonly List<IPersistentState> _states = new();
    private Action<ChangeSet>? _committed;
    private int _requestDepth;

    /// <summary>
    /// Raised after each top-level request (with everything it caused, asynchronous steps included) and after each
    /// Seed, with the current state of every row and model item it touched; a rolled-back request reports the state
    /// from before it. Handlers run under the emulator's lock, before the caller gets its response, so a handler that
    /// writes the changes to disk makes every answered request durable.
    /// </summary>
    public event Action<ChangeSet>? Committed
    {
        add
        {
            lock (Gate)
            {
                _committed += value;
                Store.Tracker ??= new ChangeTracker();
            }
        }

        remove
        {
            lock (Gate)
            {
                _committed -= value;
                if (_committed is null) Store.Tracker = null;
            }
        }
    }

    /// <summary>Every row of every table and every model item: what a new store is initialised with.</summary>
    public ChangeSet Snapshot()
    {
        lock (Gate)
        {
            var set = new ChangeSet();
            foreach (var table in Store.Tables)
            {
                foreach (var row in table.Rows) set.Rows.Add(new RowChange(table.Table.LogicalName, row.Id, Reader.ToEntity(table.Table, row, table.Table.Columns)));
            }

            foreach (var state in States())
            {
                foreach (var (key, value) in state.ReadAll()) set.States.Add(new StateChange(state.Name, key, value));
            }

            return set;
        }
    }

    /// <summary>Raised after <see cref="Restore"/>, so state derived from rows (such as steps registered by records) is rebuilt.</summary>
    public event Action? Restored;

    /// <summary>
    /// Loads persisted rows and model items without the pipeline, plug-ins, counters or lookup checks (rows may come in
    /// any order). A row replaces the row with its id; a row that another row's alternate key conflicts with evicts that
    /// row (the fresh copy a new organization made of the same record). Deleted rows are removed. Nothing is published.
    /// </summary>
    public void Restore(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (Gate)
        {
            var stamp = new RecordWriter.Stamp(SystemUserId, ValueConverter.Utc(Clock.GetUtcNow().UtcDateTime));
            foreach (var change in changes.Rows)
            {
                var table = Metadata.TryGetTable(change.Table);
                if (table is null) continue; // a table this organization no longer has
                var store = Store.For(change.Table);
                store.Remove(change.Id);
                if (change.Row is null) continue;
                var attributes = new AttributeCollection();
                foreach (var (name, value) in change.Row.Attributes)
                {
                    if (table.Column(name) is not null) attributes[name] = value;
                }

                var row = Writer.NewRow(table, change.Id, attributes, stamp, keepSystemColumns: true, exists: (_, _) => true);
                while (store.ConflictingKey(row) is { } key)
                {
                    var owner = store.FindByKey(key, key.Attributes.Select(a => row[table.Column(a)!.Ordinal]).ToArray());
                    if (owner is null) break;
                    store.Remove(owner.Value);
                }

                store.Insert(row);
            }

            var states = States().ToDictionary(s => s.Name, StringComparer.Ordinal);
            foreach (var change in changes.States)
            {
                if (states.TryGetValue(change.Model, out var state)) state.Load(change.Key, change.Value);
            }

            Store.Tracker?.Clear();
        }

        Restored?.Invoke();
    }

    internal void RegisterState(IPersistentState state)
    {
        lock (_states) _states.Add(state);
    }

    /// <summary>Notes that a model item changed (callers hold the lock).</summary>
    internal void Touch(IPersistentState owner, string key) => Store.Tracker?.States.Add((owner, key));

    internal void EnterRequest() => _requestDepth++;

    internal void ExitRequest()
    {
        if (--_requestDepth == 0) FlushChanges();
    }

    /// <summary>Publishes what the finished top-level request touched (callers hold the lock).</summary>
    internal void FlushChanges()
    {
        var tracker = Store.Tracker;
        if (_requestDepth != 0 || tracker is null || _committed is null) return;
        if (tracker.Rows.Count == 0 && tracker.States.Count == 0) return;
        var set = new ChangeSet();
        foreach (var (tableName, id) in tracker.Rows)
        {
            var table = Store.For(tableName);
            set.Rows.Add(new RowChange(tableName, id, table.TryGet(id, out var row) ? Reader.ToEntity(table.Table, row, table.Table.Columns) : null));
        }

        foreach (var (owner, key) in tracker.States) set.States.Add(new StateChange(owner.Name, key, owner.Read(key)));
        tracker.Clear();
        _committed(set);
    }

    private IPersistentState[] States()
    {
        lock (_states) return _states.ToArray();
    }
}
