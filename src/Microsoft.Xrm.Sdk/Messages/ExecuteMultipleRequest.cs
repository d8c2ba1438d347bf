namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The ExecuteMultiple message. Properties read and write <see cref="OrganizationRequest.Parameters"/> under their own names.</summary>
public sealed class ExecuteMultipleRequest : OrganizationRequest
{
    public ExecuteMultipleRequest()
    {
        RequestName = "ExecuteMultiple";
        Requests = null;
        Settings = null;
    }

    public OrganizationRequestCollection Requests
    {
        get => GetParameter<OrganizationRequestCollection>("Requests");
        set => Parameters["Requests"] = value;
    }

    public ExecuteMultipleSettings Settings
    {
        get => GetParameter<ExecuteMultipleSettings>("Settings");
        set => Parameters["Settings"] = value;
    }
}
