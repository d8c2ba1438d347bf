namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the ExecuteMultiple message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class ExecuteMultipleResponse : OrganizationResponse
{
    public ExecuteMultipleResponse()
    {
        ResponseName = "ExecuteMultiple";
    }

    public bool IsFaulted => GetResult<bool>("IsFaulted");

    public ExecuteMultipleResponseItemCollection Responses => GetResult<ExecuteMultipleResponseItemCollection>("Responses");
}
