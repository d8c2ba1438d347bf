using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace SegmentSync.Emulator;

/// <summary>
/// Upsert: finds the record by alternate key (Entity.KeyAttributes) or by id; updates it when found, otherwise
/// creates it with the key values as attributes. The inner Create or Update runs through the pipeline, so plug-ins
/// registered on them fire, but it is platform work and not counted as a request.
/// </summary>
internal sealed class UpsertExecutor : IMessageExecutor
{
    public string MessageName => "Upsert";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var target = RequestParameters.Required<Entity>(request, "Target");
        var dataverse = context.Dataverse;
        var table = dataverse.Metadata.Table(target.LogicalName);
        var id = RecordLocator.IdOf(table, target);
        Guid? existing = target.KeyAttributes.Count > 0
            ? RecordLocator.ByKey(dataverse, table, target.KeyAttributes)
            : id != Guid.Empty && dataverse.Store.Exists(table.LogicalName, id) ? id : null;
        var record = ParameterCloner.CloneEntity(target);
        record.KeyAttributes.Clear();
        bool created;
        if (existing is Guid found)
        {
            record.Id = found;
            if (record.Attributes.ContainsKey(table.PrimaryIdAttribute)) record.Attributes[table.PrimaryIdAttribute] = found;
            context.Service.Execute(new UpdateRequest { Target = record });
            id = found;
            created = false;
        }
        else
        {
            foreach (var (key, value) in target.KeyAttributes) record.Attributes[key] = value;
            id = (Guid)context.Service.Execute(new CreateRequest { Target = record }).Results["id"];
            created = true;
        }

        var reference = new EntityReference(table.LogicalName, id);
        foreach (var (key, value) in target.KeyAttributes) reference.KeyAttributes[key] = value;
        var response = new UpsertResponse();
        response.Results["RecordCreated"] = created;
        response.Results["Target"] = reference;
        return response;
    }
}
