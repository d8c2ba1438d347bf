using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The RetrieveMultiple message. Properties read and write <see cref="OrganizationRequest.Parameters"/> under their own names.</summary>
public sealed class RetrieveMultipleRequest : OrganizationRequest
{
    public RetrieveMultipleRequest()
    {
        RequestName = "RetrieveMultiple";
        Query = null;
    }

    public QueryBase Query
    {
        get => GetParameter<QueryBase>("Query");
        set => Parameters["Query"] = value;
    }
}
