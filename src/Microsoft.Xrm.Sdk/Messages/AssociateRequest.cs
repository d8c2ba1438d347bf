namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The Associate message. Properties read and write <see cref="OrganizationRequest.Parameters"/> under their own names.</summary>
public sealed class AssociateRequest : OrganizationRequest
{
    public AssociateRequest()
    {
        RequestName = "Associate";
        Target = null;
        Relationship = null;
        RelatedEntities = null;
    }

    public EntityReference Target
    {
        get => GetParameter<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }

    public Relationship Relationship
    {
        get => GetParameter<Relationship>("Relationship");
        set => Parameters["Relationship"] = value;
    }

    public EntityReferenceCollection RelatedEntities
    {
        get => GetParameter<EntityReferenceCollection>("RelatedEntities");
        set => Parameters["RelatedEntities"] = value;
    }
}
