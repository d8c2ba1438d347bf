namespace Microsoft.Xrm.Sdk;

/// <summary>The fault of an ExecuteTransactionRequest; <see cref="FaultedRequestIndex"/> is the failing request.</summary>
public sealed class ExecuteTransactionFault : OrganizationServiceFault
{
    public ExecuteTransactionFault()
    {
    }

    public int FaultedRequestIndex { get; set; }
}
