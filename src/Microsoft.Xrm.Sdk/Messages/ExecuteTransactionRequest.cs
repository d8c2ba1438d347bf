namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The ExecuteTransaction message. Properties read and write <see cref="OrganizationRequest.Parameters"/> under their own names.</summary>
public sealed class ExecuteTransactionRequest : OrganizationRequest
{
    public ExecuteTransactionRequest()
    {
        RequestName = "ExecuteTransaction";
        Requests = null;
    }

    public OrganizationRequestCollection Requests
    {
        get => GetParameter<OrganizationRequestCollection>("Requests");
        set => Parameters["Requests"] = value;
    }

    public bool? ReturnResponses
    {
        get => GetParameter<bool?>("ReturnResponses");
        set => Parameters["ReturnResponses"] = value;
    }
}
