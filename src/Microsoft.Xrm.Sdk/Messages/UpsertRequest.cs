namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The Upsert message. Properties read and write <see cref="OrganizationRequest.Parameters"/> under their own names.</summary>
public sealed class UpsertRequest : OrganizationRequest
{
    public UpsertRequest()
    {
        RequestName = "Upsert";
        Target = null;
    }

    public Entity Target
    {
        get => GetParameter<Entity>("Target");
        set => Parameters["Target"] = value;
    }
}
