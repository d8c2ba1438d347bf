namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the Associate message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class AssociateResponse : OrganizationResponse
{
    public AssociateResponse()
    {
        ResponseName = "Associate";
    }
}
