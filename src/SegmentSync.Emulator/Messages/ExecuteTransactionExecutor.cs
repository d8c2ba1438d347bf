using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace SegmentSync.Emulator;

/// <summary>
/// ExecuteTransaction: runs up to 1,000 requests in one transaction; the first fault rolls all of them back and is
/// reported as an ExecuteTransactionFault carrying the failed request's index.
/// </summary>
internal sealed class ExecuteTransactionExecutor : IMessageExecutor
{
    public string MessageName => "ExecuteTransaction";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var requests = RequestParameters.Required<OrganizationRequestCollection>(request, "Requests");
        var returnResponses = RequestParameters.Optional<bool?>(request, "ReturnResponses") == true;
        BatchRules.Check(requests, MessageName);
        var responses = new OrganizationResponseCollection();
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var response = context.ExecuteItem(requests[i], context.Transaction);
                if (returnResponses) responses.Add(response);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                throw DataverseFault.Wrap(new ExecuteTransactionFault
                {
                    FaultedRequestIndex = i,
                    ErrorCode = fault.Detail.ErrorCode,
                    Message = fault.Detail.Message,
                    TraceText = fault.Detail.TraceText,
                    InnerFault = fault.Detail,
                    Timestamp = fault.Detail.Timestamp,
                });
            }
        }

        var result = new ExecuteTransactionResponse();
        result.Results["Responses"] = responses;
        return result;
    }
}
