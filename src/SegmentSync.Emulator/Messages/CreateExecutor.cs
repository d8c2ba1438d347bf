using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace SegmentSync.Emulator;

/// <summary>
/// Create: validates the Target against the metadata, honours a caller-supplied id, sets defaults and system
/// columns, and enforces primary and alternate key uniqueness.
/// </summary>
internal sealed class CreateExecutor : IMessageExecutor
{
    public string MessageName => "Create";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var target = RequestParameters.Required<Entity>(request, "Target");
        var dataverse = context.Dataverse;
        var table = dataverse.Metadata.Table(target.LogicalName);
        var id = RecordLocator.IdOf(table, target);
        if (id == Guid.Empty) id = dataverse.NewId();
        var attributes = new AttributeCollection();
        foreach (var (key, value) in target.KeyAttributes) attributes[key] = value;
        foreach (var (key, value) in target.Attributes) attributes[key] = value;
        var row = dataverse.Writer.NewRow(table, id, attributes, new RecordWriter.Stamp(context.UserId, context.UtcNow));
        dataverse.Writer.Insert(dataverse.Store.For(table.LogicalName), row, context.Transaction);

        // Post-operation plug-ins see the new id on the Target, as in Dataverse.
        target.Id = id;
        target.Attributes[table.PrimaryIdAttribute] = id;
        foreach (var behavior in dataverse.Behaviors) behavior.AfterCreate(table, target, context);
        var response = new CreateResponse();
        response.Results["id"] = id;
        return response;
    }
}
