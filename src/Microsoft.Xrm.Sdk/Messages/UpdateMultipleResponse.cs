namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the UpdateMultiple message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class UpdateMultipleResponse : OrganizationResponse
{
    public UpdateMultipleResponse()
    {
        ResponseName = "UpdateMultiple";
    }
}
