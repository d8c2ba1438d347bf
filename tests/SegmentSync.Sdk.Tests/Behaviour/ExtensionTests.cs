using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Extensions;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Sdk.Tests.Behaviour;

public class ExtensionTests
{
    [Fact]
    public void ServiceProviderGet_RegisteredService_ReturnsIt()
    {
        var tracing = new NullTracing();
        var provider = new Provider { [typeof(ITracingService)] = tracing };

        Assert.Same(tracing, provider.Get<ITracingService>());
        Assert.Null(provider.Get<IOrganizationServiceFactory>());
    }

    [Fact]
    public void GetOrganizationService_UsesTheFactoryWithTheUser()
    {
        var factory = new Factory();
        var provider = new Provider { [typeof(IOrganizationServiceFactory)] = factory };
        var userId = Guid.NewGuid();

        provider.GetOrganizationService(userId);

        Assert.Equal(userId, factory.LastUserId);
    }

    [Fact]
    public void GetOrganizationService_NoFactory_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => new Provider().GetOrganizationService(Guid.NewGuid()));
    }

    private sealed class Provider : Dictionary<Type, object>, IServiceProvider
    {
        public object? GetService(Type serviceType) => TryGetValue(serviceType, out var service) ? service : null;
    }

    private sealed class NullTracing : ITracingService
    {
        public void Trace(string format, params object[] args)
        {
        }
    }

    private sealed class Factory : IOrganizationServiceFactory
    {
        public Guid? LastUserId { get; private set; }

        public IOrganizationService CreateOrganizationService(Guid? userId)
        {
            LastUserId = userId;
            return new NoService();
        }
    }

    private sealed class NoService : IOrganizationService
    {
        public Guid Create(Entity entity) => throw new NotSupportedException();

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException();

        public void Update(Entity entity) => throw new NotSupportedException();

        public void Delete(string entityName, Guid id) => throw new NotSupportedException();

        public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException();

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

        public EntityCollection RetrieveMultiple(QueryBase query) => throw new NotSupportedException();
    }
}
