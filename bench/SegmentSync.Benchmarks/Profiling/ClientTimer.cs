using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Benchmarks.Profiling;

/// <summary>The caller's service: times each Custom API call end to end and attaches it to the call's record.</summary>
public sealed class ClientTimer : IOrganizationService
{
    private readonly IOrganizationService _inner;
    private readonly CallProfiler _profiler;

    public ClientTimer(IOrganizationService inner, CallProfiler profiler)
    {
        _inner = inner;
        _profiler = profiler;
    }

    /// <summary>Wall time spent in calls to Dataverse (everything the client waited for).</summary>
    public long WaitTicks { get; private set; }

    /// <summary>Thread CPU (ns) spent in calls to Dataverse: in-process, that is the emulator's and the plug-ins' work.</summary>
    public long WaitCpu { get; private set; }

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        var before = _profiler.Calls.Count;
        var cpu = ThreadCpu.Now();
        var start = Stopwatch.GetTimestamp();
        var response = _inner.Execute(request);
        var ticks = Stopwatch.GetTimestamp() - start;
        cpu = ThreadCpu.Now() - cpu;
        WaitTicks += ticks;
        WaitCpu += cpu;
        if (_profiler.Calls.Count == before + 1)
        {
            var call = _profiler.Calls[before];
            call.ClientTicks = ticks;
            call.ClientCpu = cpu;
            call.Status = response.Results.TryGetValue("Status", out var status) ? status as string ?? string.Empty : string.Empty;
        }

        return response;
    }

    public Guid Create(Entity entity) => _inner.Create(entity);

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => _inner.Retrieve(entityName, id, columnSet);

    public void Update(Entity entity) => _inner.Update(entity);

    public void Delete(string entityName, Guid id) => _inner.Delete(entityName, id);

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        _inner.Associate(entityName, entityId, relationship, relatedEntities);

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        _inner.Disassociate(entityName, entityId, relationship, relatedEntities);

    public EntityCollection RetrieveMultiple(QueryBase query) => _inner.RetrieveMultiple(query);
}
