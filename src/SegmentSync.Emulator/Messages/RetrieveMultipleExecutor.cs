using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>RetrieveMultiple: runs a QueryExpression, QueryByAttribute or FetchExpression.</summary>
internal sealed class RetrieveMultipleExecutor : IMessageExecutor
{
    public string MessageName => "RetrieveMultiple";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var query = RequestParameters.Required<QueryBase>(request, "Query");
        var response = new RetrieveMultipleResponse();
        response.Results["EntityCollection"] = context.Dataverse.Queries.Execute(query, new QueryContext(context.UserId, context.Dataverse.BusinessUnitId));
        return response;
    }
}
