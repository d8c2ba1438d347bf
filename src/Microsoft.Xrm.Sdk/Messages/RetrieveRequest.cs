using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The Retrieve message. Properties read and write <see cref="OrganizationRequest.Parameters"/> under their own names.</summary>
public sealed class RetrieveRequest : OrganizationRequest
{
    public RetrieveRequest()
    {
        RequestName = "Retrieve";
        Target = null;
        ColumnSet = null;
    }

    public EntityReference Target
    {
        get => GetParameter<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }

    public ColumnSet ColumnSet
    {
        get => GetParameter<ColumnSet>("ColumnSet");
        set => Parameters["ColumnSet"] = value;
    }

    public RelationshipQueryCollection RelatedEntitiesQuery
    {
        get => GetParameter<RelationshipQueryCollection>("RelatedEntitiesQuery");
        set => Parameters["RelatedEntitiesQuery"] = value;
    }

    public bool ReturnNotifications
    {
        get => GetParameter<bool>("ReturnNotifications");
        set => Parameters["ReturnNotifications"] = value;
    }
}
