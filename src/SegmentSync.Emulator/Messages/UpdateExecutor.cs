using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace SegmentSync.Emulator;

/// <summary>
/// Update: the record must exist (by id or alternate key); the Target's attributes are validated and applied,
/// statecode/statuscode pairs and allowed transitions checked, modifiedon/modifiedby set.
/// </summary>
internal sealed class UpdateExecutor : IMessageExecutor
{
    public string MessageName => "Update";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var target = RequestParameters.Required<Entity>(request, "Target");
        var dataverse = context.Dataverse;
        var table = dataverse.Metadata.Table(target.LogicalName);
        var id = RecordLocator.Existing(dataverse, table, RecordLocator.IdOf(table, target), target.KeyAttributes);
        var store = dataverse.Store.For(table.LogicalName);
        store.TryGet(id, out var current);
        var before = dataverse.Reader.ToEntity(table, current, table.Columns);
        var row = dataverse.Writer.UpdatedRow(table, current, target.Attributes, new RecordWriter.Stamp(context.UserId, context.UtcNow));
        dataverse.Writer.Replace(store, row, context.Transaction);
        target.Id = id;
        foreach (var behavior in dataverse.Behaviors) behavior.AfterUpdate(table, target, before, context);
        return new UpdateResponse();
    }
}
