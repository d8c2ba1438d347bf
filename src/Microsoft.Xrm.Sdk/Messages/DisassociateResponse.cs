namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the Disassociate message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class DisassociateResponse : OrganizationResponse
{
    public DisassociateResponse()
    {
        ResponseName = "Disassociate";
    }
}
