using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace SegmentSync.Emulator;

/// <summary>
/// ExecuteMultiple: runs up to 1,000 requests in order, each as its own request in its own transaction (or in the
/// caller's transaction when a plug-in issues it); ContinueOnError decides whether a fault stops the batch,
/// ReturnResponses whether successful responses are returned (faults always are).
/// </summary>
internal sealed class ExecuteMultipleExecutor : IMessageExecutor
{
    /// <summary>Dataverse's limit on the requests of one batch.</summary>
    public const int MaxBatchSize = 1000;

    public string MessageName => "ExecuteMultiple";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var requests = RequestParameters.Required<OrganizationRequestCollection>(request, "Requests");
        var settings = RequestParameters.Required<ExecuteMultipleSettings>(request, "Settings");
        BatchRules.Check(requests, MessageName);
        var items = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var response = context.ExecuteItem(requests[i], context.Transaction);
                if (settings.ReturnResponses) items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                faulted = true;
                items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = fault.Detail });
                if (!settings.ContinueOnError) break;
            }
        }

        var result = new ExecuteMultipleResponse();
        result.Results["Responses"] = items;
        result.Results["IsFaulted"] = faulted;
        return result;
    }
}
