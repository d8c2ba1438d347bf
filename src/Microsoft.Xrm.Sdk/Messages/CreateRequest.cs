namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The Create message. Properties read and write <see cref="OrganizationRequest.Parameters"/> under their own names.</summary>
public sealed class CreateRequest : OrganizationRequest
{
    public CreateRequest()
    {
        RequestName = "Create";
        Target = null;
    }

    public Entity Target
    {
        get => GetParameter<Entity>("Target");
        set => Parameters["Target"] = value;
    }
}
