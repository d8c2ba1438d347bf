namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the Delete message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class DeleteResponse : OrganizationResponse
{
    public DeleteResponse()
    {
        ResponseName = "Delete";
    }
}
