using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>WhoAmI: the calling user, its business unit and the organization.</summary>
internal sealed class WhoAmIExecutor : IMessageExecutor
{
    public string MessageName => "WhoAmI";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var response = new OrganizationResponse { ResponseName = MessageName };
        response.Results["UserId"] = context.UserId;
        response.Results["BusinessUnitId"] = context.Dataverse.BusinessUnitId;
        response.Results["OrganizationId"] = context.Dataverse.OrganizationId;
        return response;
    }
}
