namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the Update message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class UpdateResponse : OrganizationResponse
{
    public UpdateResponse()
    {
        ResponseName = "Update";
    }
}
