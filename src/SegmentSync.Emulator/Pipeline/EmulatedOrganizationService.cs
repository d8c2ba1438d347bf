using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// IOrganizationService over the emulator: every method is the corresponding request sent through the pipeline,
/// exactly as the SDK's proxy turns them into Execute calls.
/// </summary>
internal sealed class EmulatedOrganizationService : IOrganizationService
{
    private readonly RequestPipeline _pipeline;
    private readonly CallScope _scope;

    public EmulatedOrganizationService(RequestPipeline pipeline, CallScope scope)
    {
        _pipeline = pipeline;
        _scope = scope;
    }

    public Guid Create(Entity entity)
    {
        var response = Execute(new CreateRequest { Target = entity });
        return (Guid)response.Results["id"];
    }

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
    {
        var response = Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet });
        return (Entity)response.Results["Entity"];
    }

    public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

    public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
    {
        Execute(new AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });
    }

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
    {
        Execute(new DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });
    }

    public EntityCollection RetrieveMultiple(QueryBase query)
    {
        var response = Execute(new RetrieveMultipleRequest { Query = query });
        return (EntityCollection)response.Results["EntityCollection"];
    }

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A caller outside Dataverse starts a new correlation per request; plug-ins and platform work continue theirs.
        var nested = _scope.FromPlugin || _scope.Internal;
        return _pipeline.Execute(request, nested ? _scope : _scope with { CorrelationId = Guid.NewGuid() });
    }
}
