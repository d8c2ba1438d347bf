namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The UpdateMultiple message. Properties read and write <see cref="OrganizationRequest.Parameters"/> under their own names.</summary>
public sealed class UpdateMultipleRequest : OrganizationRequest
{
    public UpdateMultipleRequest()
    {
        RequestName = "UpdateMultiple";
        Targets = null;
    }

    public EntityCollection Targets
    {
        get => GetParameter<EntityCollection>("Targets");
        set => Parameters["Targets"] = value;
    }

    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get => GetParameter<ConcurrencyBehavior>("ConcurrencyBehavior");
        set => Parameters["ConcurrencyBehavior"] = value;
    }
}
