using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Benchmarks.Profiling;

/// <summary>
/// Wraps a Custom API's real plug-in: the plug-in runs unchanged, but the IOrganizationServiceFactory it gets hands
/// out services that time every request, so the call's time splits into the plug-in's own work and the emulator's.
/// </summary>
public sealed class ProfilingPlugin : IPlugin
{
    private readonly IPlugin _inner;
    private readonly string _api;
    private readonly CallProfiler _profiler;

    public ProfilingPlugin(IPlugin inner, string api, CallProfiler profiler)
    {
        _inner = inner;
        _api = api;
        _profiler = profiler;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var record = _profiler.Begin(_api);
        _profiler.Measure(record, () => _inner.Execute(new Provider(serviceProvider, _profiler)));
    }

    private sealed class Provider : IServiceProvider
    {
        private readonly IServiceProvider _inner;
        private readonly CallProfiler _profiler;

        public Provider(IServiceProvider inner, CallProfiler profiler)
        {
            _inner = inner;
            _profiler = profiler;
        }

        public object? GetService(Type serviceType)
        {
            var service = _inner.GetService(serviceType);
            return serviceType == typeof(IOrganizationServiceFactory) && service is IOrganizationServiceFactory factory
                ? new Factory(factory, _profiler)
                : service;
        }
    }

    private sealed class Factory : IOrganizationServiceFactory
    {
        private readonly IOrganizationServiceFactory _inner;
        private readonly CallProfiler _profiler;

        public Factory(IOrganizationServiceFactory inner, CallProfiler profiler)
        {
            _inner = inner;
            _profiler = profiler;
        }

        public IOrganizationService CreateOrganizationService(Guid? userId) => new TimedService(_inner.CreateOrganizationService(userId), _profiler);
    }

    private sealed class TimedService : IOrganizationService
    {
        private readonly IOrganizationService _inner;
        private readonly CallProfiler _p;

        public TimedService(IOrganizationService inner, CallProfiler profiler)
        {
            _inner = inner;
            _p = profiler;
        }

        public Guid Create(Entity entity) => _p.Inner("Create", () => _inner.Create(entity), entity.LogicalName);

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => _p.Inner("Retrieve", () => _inner.Retrieve(entityName, id, columnSet));

        public void Update(Entity entity) => _p.Inner("Update", () =>
        {
            _inner.Update(entity);
            return 0;
        }, entity.LogicalName);

        public void Delete(string entityName, Guid id) => _p.Inner("Delete", () =>
        {
            _inner.Delete(entityName, id);
            return 0;
        });

        public OrganizationResponse Execute(OrganizationRequest request) => _p.Inner(request.RequestName, () => _inner.Execute(request));

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => _p.Inner("Associate", () =>
        {
            _inner.Associate(entityName, entityId, relationship, relatedEntities);
            return 0;
        });

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => _p.Inner("Disassociate", () =>
        {
            _inner.Disassociate(entityName, entityId, relationship, relatedEntities);
            return 0;
        });

        public EntityCollection RetrieveMultiple(QueryBase query) => _p.Inner("RetrieveMultiple", () => _inner.RetrieveMultiple(query), (query as QueryExpression)?.EntityName);
    }
}
