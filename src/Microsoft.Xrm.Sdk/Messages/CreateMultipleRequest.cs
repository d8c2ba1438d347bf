namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The CreateMultiple message. Properties read and write <see cref="OrganizationRequest.Parameters"/> under their own names.</summary>
public sealed class CreateMultipleRequest : OrganizationRequest
{
    public CreateMultipleRequest()
    {
        RequestName = "CreateMultiple";
        Targets = null;
    }

    public EntityCollection Targets
    {
        get => GetParameter<EntityCollection>("Targets");
        set => Parameters["Targets"] = value;
    }
}
