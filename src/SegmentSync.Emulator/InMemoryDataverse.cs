using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// An in-memory Dataverse organization: metadata-checked tables, the plug-in pipeline with transactions, queries,
/// request counting and fault injection. Services from <see cref="GetService"/> behave like a client connection;
/// plug-ins get theirs from the IOrganizationServiceFactory in their service provider.
/// </summary>
/// <remarks>
/// Thread-safe: requests are serialized, one top-level request (with everything it causes) at a time, which makes
/// every transaction serializable. A plug-in must not wait on another thread that calls the emulator.
/// </remarks>
public sealed partial class InMemoryDataverse
{
    private readonly List<IPlatformBehavior> _behaviors = new();
    private readonly List<AsyncStepFailure> _asyncFailures = new();

    /// <summary>A new, empty organization with its root business unit, organization row and SYSTEM user.</summary>
    /// <param name="clock">The clock for createdon/modifiedon and contexts; the system clock by default.</param>
    public InMemoryDataverse(TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        Store = new DataStore();
        Writer = new RecordWriter(Store);
        Reader = new RecordReader(Store);
        Metadata = new MetadataRegistry(Store.AddTable);
        Queries = new QueryEngine(Metadata, Store, Reader);
        Pipeline = new RequestPipeline(this);
        SystemTables.AddTo(Metadata);
        AddBuiltInMessages();
        SeedOrganization();
    }

    /// <summary>Tables and relationships.</summary>
    public MetadataRegistry Metadata { get; }

    /// <summary>Plug-in steps and Custom APIs.</summary>
    public PluginRegistry Plugins { get; } = new();

    /// <summary>Request counters.</summary>
    public RequestLog Requests { get; } = new();

    /// <summary>Fault injection.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>The latest plug-in traces.</summary>
    public TraceLog Traces { get; } = new();

    /// <summary>Asynchronous steps that failed (their system jobs failed; callers did not see it).</summary>
    public IReadOnlyList<AsyncStepFailure> AsyncFailures
    {
        get { lock (_asyncFailures) return _asyncFailures.ToArray(); }
    }

    /// <summary>The organization's id.</summary>
    public Guid OrganizationId { get; } = Guid.NewGuid();

    /// <summary>The organization's name (IExecutionContext.OrganizationName).</summary>
    public string OrganizationName { get; } = "emulator";

    /// <summary>The root business unit.</summary>
    public Guid BusinessUnitId { get; } = Guid.NewGuid();

    /// <summary>The SYSTEM user, the default caller.</summary>
    public Guid SystemUserId { get; } = Guid.NewGuid();

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; }

    internal object Gate { get; } = new();

    internal DataStore Store { get; }

    internal RecordWriter Writer { get; }

    internal RecordReader Reader { get; }

    internal QueryEngine Queries { get; }

    internal RequestPipeline Pipeline { get; }

    internal IReadOnlyList<IPlatformBehavior> Behaviors
    {
        get { lock (_behaviors) return _behaviors.ToArray(); }
    }

    /// <summary>Creates a user (a systemuser row in the root business unit) and returns its id.</summary>
    public Guid CreateUser(string fullName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        var id = NewId();
        var user = new Entity(SystemTables.SystemUser, id)
        {
            ["fullname"] = fullName,
            ["businessunitid"] = new EntityReference(SystemTables.BusinessUnit, BusinessUnitId),
        };
        Seed(SystemTables.SystemUser, new[] { user });
        return id;
    }

    /// <summary>
    /// A service for a caller outside Dataverse: each call is one top-level request through the pipeline, in its
    /// own transaction, running as <paramref name="callerId"/> (the SYSTEM user when null).
    /// </summary>
    public IOrganizationService GetService(Guid? callerId = null)
    {
        var user = callerId ?? SystemUserId;
        bool known;
        lock (Gate) known = Store.Exists(SystemTables.SystemUser, user);
        if (!known) throw new ArgumentException($"No systemuser with id {user}; create it with CreateUser.", nameof(callerId));
        return new EmulatedOrganizationService(Pipeline, CallScope.External(user));
    }

    /// <summary>Adds a custom (non-plug-in) message; plug-in steps can be registered on it like on any message.</summary>
    public void AddMessage(IMessageExecutor executor)
    {
        ArgumentNullException.ThrowIfNull(executor);
        Pipeline.Add(executor);
    }

    /// <summary>Adds platform logic that runs inside Create, Update and Delete (see <see cref="IPlatformBehavior"/>).</summary>
    public void AddBehavior(IPlatformBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        lock (_behaviors) _behaviors.Add(behavior);
    }

    /// <summary>
    /// Bulk-loads records: validated like Create (types, lengths, options, keys, required columns; defaults and
    /// system columns applied, supplied createdon/modifiedon/createdby/modifiedby kept) but without the pipeline,
    /// plug-ins, request counting or fault injection. Returns how many records were stored.
    /// </summary>
    public int Seed(string table, IEnumerable<Entity> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (Gate)
        {
            var definition = Metadata.Table(table);
            var store = Store.For(table);
            var stamp = new RecordWriter.Stamp(SystemUserId, ValueConverter.Utc(Clock.GetUtcNow().UtcDateTime));
            var count = 0;
            foreach (var record in records)
            {
                var id = RecordLocator.IdOf(definition, record);
                var row = Writer.NewRow(definition, id == Guid.Empty ? NewId() : id, record.Attributes, stamp, keepSystemColumns: true);
                Writer.Insert(store, row, null);
                count++;
            }

            FlushChanges();
            return count;
        }
    }

    /// <summary>How many records <paramref name="table"/> holds (an inspection helper; not a request).</summary>
    public int Count(string table)
    {
        lock (Gate) return Store.For(table).Count;
    }

    /// <summary>A new record id: time-ordered like Dataverse's sequential ids, so default ordering follows creation.</summary>
    internal Guid NewId() => Guid.CreateVersion7(Clock.GetUtcNow());

    internal void RecordAsyncFailure(AsyncStepFailure failure)
    {
        lock (_asyncFailures) _asyncFailures.Add(failure);
    }

    private void AddBuiltInMessages()
    {
        foreach (var executor in new IMessageExecutor[]
        {
            new CreateExecutor(), new UpdateExecutor(), new DeleteExecutor(), new RetrieveExecutor(), new RetrieveMultipleExecutor(),
            new ExecuteMultipleExecutor(), new ExecuteTransactionExecutor(), new UpsertExecutor(), new AssociateExecutor(),
            new DisassociateExecutor(), new WhoAmIExecutor(), new BulkDeleteExecutor(),
        })
        {
            Pipeline.Add(executor);
        }
    }

    private void SeedOrganization()
    {
        Seed(SystemTables.BusinessUnit, new[] { new Entity(SystemTables.BusinessUnit, BusinessUnitId) { ["name"] = OrganizationName } });
        Seed(SystemTables.Organization, new[] { new Entity(SystemTables.Organization, OrganizationId) { ["name"] = OrganizationName } });
        Seed(SystemTables.SystemUser, new[]
        {
            new Entity(SystemTables.SystemUser, SystemUserId)
            {
                ["fullname"] = "SYSTEM",
                ["businessunitid"] = new EntityReference(SystemTables.BusinessUnit, BusinessUnitId),
            },
        });
    }
}
