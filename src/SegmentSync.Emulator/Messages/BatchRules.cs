using System;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>The limits ExecuteMultiple and ExecuteTransaction share: at most 1,000 requests, and no batch inside a batch.</summary>
internal static class BatchRules
{
    public static void Check(OrganizationRequestCollection requests, string message)
    {
        if (requests.Count > ExecuteMultipleExecutor.MaxBatchSize)
        {
            var detail = DataverseFault.Detail(
                ErrorCodes.LimitExceeded,
                $"The request collection of {message} contains {requests.Count} requests; the maximum batch size is {ExecuteMultipleExecutor.MaxBatchSize}.");
            detail.ErrorDetails["MaxBatchSize"] = ExecuteMultipleExecutor.MaxBatchSize;
            throw DataverseFault.Wrap(detail);
        }

        foreach (var request in requests)
        {
            if (request is null) throw DataverseFault.InvalidArgument($"{message} contains a null request.");
            var name = request.RequestName;
            if (string.Equals(name, "ExecuteMultiple", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "ExecuteTransaction", StringComparison.OrdinalIgnoreCase))
                throw DataverseFault.InvalidArgument($"{message} cannot contain an {name} request.");
        }
    }
}
