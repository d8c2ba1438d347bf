namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the RetrieveMultiple message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class RetrieveMultipleResponse : OrganizationResponse
{
    public RetrieveMultipleResponse()
    {
        ResponseName = "RetrieveMultiple";
    }

    public EntityCollection EntityCollection => GetResult<EntityCollection>("EntityCollection");
}
