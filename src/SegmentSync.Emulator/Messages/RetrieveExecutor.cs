using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>Retrieve: a copy of one record (by id or alternate key) with the requested columns and the primary key.</summary>
internal sealed class RetrieveExecutor : IMessageExecutor
{
    public string MessageName => "Retrieve";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var target = RequestParameters.Required<EntityReference>(request, "Target");
        var columns = RequestParameters.Required<ColumnSet>(request, "ColumnSet");
        var dataverse = context.Dataverse;
        var table = dataverse.Metadata.Table(target.LogicalName);
        var selected = RecordReader.Select(table, columns);
        var id = RecordLocator.Existing(dataverse, table, target.Id, target.KeyAttributes);
        dataverse.Store.For(table.LogicalName).TryGet(id, out var row);
        var response = new RetrieveResponse();
        response.Results["Entity"] = dataverse.Reader.ToEntity(table, row, selected);
        return response;
    }
}
