using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// What a message executor may use: the caller, the clock, direct store access inside the request's transaction
/// (no plug-ins, not counted as requests), and a service for platform-internal nested requests.
/// </summary>
public sealed class MessageContext
{
    private IOrganizationService? _service;

    internal MessageContext(InMemoryDataverse dataverse, PipelineRun run)
    {
        Dataverse = dataverse;
        Run = run;
    }

    /// <summary>The emulator.</summary>
    public InMemoryDataverse Dataverse { get; }

    /// <summary>The user the request runs as.</summary>
    public Guid UserId => Run.Scope.UserId;

    /// <summary>The user who started the chain of requests.</summary>
    public Guid InitiatingUserId => Run.Scope.InitiatingUserId;

    /// <summary>The request's depth (1 for a caller outside Dataverse).</summary>
    public int Depth => Run.Scope.Depth;

    /// <summary>The emulator's clock.</summary>
    public TimeProvider Clock => Dataverse.Clock;

    /// <summary>Now, as Dataverse stores it (UTC, whole seconds).</summary>
    public DateTime UtcNow => ValueConverter.Utc(Dataverse.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The metadata.</summary>
    public MetadataRegistry Metadata => Dataverse.Metadata;

    /// <summary>
    /// A service for platform-internal nested requests: same transaction, same depth, plug-ins fire, but the
    /// requests are not counted in RequestLog and never fault-injected.
    /// </summary>
    public IOrganizationService Service => _service ??= new EmulatedOrganizationService(
        Dataverse.Pipeline,
        Run.Scope with { Transaction = Run.Transaction, Internal = true });

    internal PipelineRun Run { get; }

    internal Transaction? Transaction => Run.Transaction;

    /// <summary>True when <paramref name="table"/> has a record with <paramref name="id"/>.</summary>
    public bool Exists(string table, Guid id) => Dataverse.Store.Exists(table, id);

    /// <summary>A copy of the record with <paramref name="columns"/>, or null when it does not exist.</summary>
    public Entity? Find(string table, Guid id, ColumnSet columns)
    {
        var store = Dataverse.Store.For(table);
        if (!store.TryGet(id, out var row)) return null;
        return Dataverse.Reader.ToEntity(store.Table, row, RecordReader.Select(store.Table, columns));
    }

    /// <summary>Runs a query directly against the store (no request, no plug-ins).</summary>
    public EntityCollection Query(QueryBase query)
    {
        return Dataverse.Queries.Execute(query, new QueryContext(UserId, Dataverse.BusinessUnitId));
    }

    /// <summary>
    /// Writes <paramref name="changes"/> to an existing record directly (validated, modifiedon/modifiedby set,
    /// undone on rollback, no plug-ins). Used for platform-maintained columns.
    /// </summary>
    public void Write(string table, Guid id, Entity changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var store = Dataverse.Store.For(table);
        if (!store.TryGet(id, out var current)) throw DataverseFault.DoesNotExist(table, id);
        var row = Dataverse.Writer.UpdatedRow(store.Table, current, changes.Attributes, new RecordWriter.Stamp(UserId, UtcNow));
        Dataverse.Writer.Replace(store, row, Transaction);
    }

    /// <summary>Registers how to undo a change to state the executor keeps outside the tables (called on rollback).</summary>
    public void OnRollback(Action undo)
    {
        ArgumentNullException.ThrowIfNull(undo);
        Transaction?.RecordUndo(undo);
    }

    /// <summary>Runs <paramref name="action"/> once the request's transaction commits (now, when there is none).</summary>
    internal void AfterCommit(Action action)
    {
        if (Transaction is null) action();
        else Transaction.AfterCommit(action);
    }

    /// <summary>Runs platform work as a request of its own, in its own transaction (system jobs).</summary>
    internal OrganizationResponse ExecuteAsJob(OrganizationRequest request)
    {
        return Dataverse.Pipeline.Execute(request, Run.Scope with { Transaction = null, Internal = true, ParentContext = null });
    }

    /// <summary>Runs an item of ExecuteMultiple/ExecuteTransaction as a request of its own (counted, fault-injectable).</summary>
    internal OrganizationResponse ExecuteItem(OrganizationRequest request, Transaction? transaction)
    {
        return Dataverse.Pipeline.Execute(request, Run.Scope with { Transaction = transaction });
    }
}
