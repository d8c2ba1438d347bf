namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the Retrieve message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class RetrieveResponse : OrganizationResponse
{
    public RetrieveResponse()
    {
        ResponseName = "Retrieve";
    }

    public Entity Entity => GetResult<Entity>("Entity");

    public object Notifications => GetResult<object>("Notifications");
}
