namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the Upsert message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class UpsertResponse : OrganizationResponse
{
    public UpsertResponse()
    {
        ResponseName = "Upsert";
    }

    public bool RecordCreated => GetResult<bool>("RecordCreated");

    public EntityReference Target => GetResult<EntityReference>("Target");
}
