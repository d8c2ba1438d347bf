using Microsoft.Xrm.Sdk;
using Api = SegmentSync.Plugins.Schema.SegmentImportApi;

namespace SegmentSync.LocalEnvironment.Client;

/// <summary>
/// Calls the import Custom APIs through the SDK's IOrganizationService, as a .NET integration would: splits an
/// export into batches within the API's limit, continues an Applying import until it is done, and sends a call
/// again after a transient failure as <paramref name="retry"/> says (by default it does not).
/// </summary>
public sealed class SegmentImportClient(IOrganizationService service, RetryPolicy? retry = null)
{
    private readonly RetryPolicy _retry = retry ?? RetryPolicy.None;

    public const int MaxBatchSize = SegmentSync.Plugins.Schema.Limits.MaxContactIdsPerCall;

    /// <summary>One call: the whole export (ImportId null) or one batch of it.</summary>
    public ImportCallResult Send(SegmentExport export, IReadOnlyList<string> contactIds, Guid? importId = null, int? batchNumber = null, int? batchCount = null)
    {
        var request = new OrganizationRequest(Api.ImportSegment);
        request[Api.ExternalSegmentId] = export.ExternalSegmentId;
        request[Api.SegmentName] = export.SegmentName;
        request[Api.ExternalSegmentUrl] = export.ExternalSegmentUrl;
        request[Api.ExportedOn] = export.ExportedOn;
        request[Api.ContactIds] = contactIds.ToArray();
        if (importId.HasValue)
        {
            request[Api.ImportId] = importId.Value;
            request[Api.BatchNumber] = batchNumber ?? 1;
            request[Api.BatchCount] = batchCount ?? 1;
        }

        return Read(Execute(request));
    }

    public ImportCallResult Continue(Guid importId)
    {
        var request = new OrganizationRequest(Api.ContinueSegmentImport);
        request[Api.ImportId] = importId;
        return Read(Execute(request));
    }

    /// <summary>Sends the export in batches of at most <paramref name="batchSize"/> ids, then continues until it is done.</summary>
    public ImportOutcome Import(SegmentExport export, IReadOnlyList<string> contactIds, int batchSize = MaxBatchSize)
    {
        var batches = contactIds.Chunk(batchSize).ToList();
        if (batches.Count == 0)
        {
            batches.Add([]);
        }

        var importId = Guid.NewGuid();
        ImportCallResult result = null!;
        for (var i = 0; i < batches.Count; i++)
        {
            result = Send(export, batches[i], importId, i + 1, batches.Count);
        }

        return ContinueUntilDone(result, batches.Count);
    }

    /// <summary>Continues an import while it is Applying.</summary>
    public ImportOutcome ContinueUntilDone(ImportCallResult result, int callsSoFar)
    {
        var calls = callsSoFar;
        while (result.IsApplying)
        {
            result = Continue(result.ImportId);
            calls++;
        }

        return new ImportOutcome(result, calls);
    }

    /// <summary>
    /// Sends the request; after a transient failure sends it again, tagged with the attempt and the earlier error so
    /// that the import's run history records the failure the caller saw (the failed call itself left no trace).
    /// </summary>
    private OrganizationResponse Execute(OrganizationRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return service.Execute(request);
            }
            catch (Exception error) when (attempt < _retry.MaxAttempts && RetryPolicy.IsTransient(error))
            {
                _retry.OnRetry?.Invoke(attempt, error);
                request[Plugins.Schema.RetryTag.SharedVariable] = Plugins.Schema.RetryTag.Format(attempt + 1, RetryPolicy.ErrorCode(error));
                var delay = _retry.Delay(attempt);
                if (delay > TimeSpan.Zero)
                {
                    Thread.Sleep(delay);
                }
            }
        }
    }

    private static ImportCallResult Read(OrganizationResponse response)
    {
        T Get<T>(string name) => response.Results.TryGetValue(name, out var value) && value is T typed ? typed : default!;
        return new ImportCallResult(
            Get<Guid>(Api.SegmentId), Get<Guid>(Api.ImportId), Get<string>(Api.Status) ?? string.Empty,
            Get<int>(Api.BatchesReceived), Get<int>(Api.MembersReceived), Get<int>(Api.MembersMatched),
            Get<int>(Api.MembersIgnored), Get<int>(Api.MembersAdded), Get<int>(Api.MembersRemoved));
    }
}
