namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the ExecuteTransaction message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class ExecuteTransactionResponse : OrganizationResponse
{
    public ExecuteTransactionResponse()
    {
        ResponseName = "ExecuteTransaction";
    }

    public OrganizationResponseCollection Responses => GetResult<OrganizationResponseCollection>("Responses");
}
