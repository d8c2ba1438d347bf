using Microsoft.Xrm.Sdk;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;
using ImportApi = SegmentSync.Plugins.Schema.SegmentImportApi;

namespace SegmentSync.LocalEnvironment.Client;

/// <summary>The response of segsync_RefreshSegments.</summary>
public sealed record RefreshCallResult(
    string Status,
    int SegmentsRefreshed,
    int SegmentsSkipped,
    int MembersAdded,
    int MembersRemoved,
    int MembersIgnored,
    IReadOnlyList<Guid> ImportIds,
    DateTime RefreshStartedOn)
{
    public bool IsApplying => Status == Api.Applying;
}

/// <summary>A refresh driven to the end: the last response and the Custom API calls it took.</summary>
public sealed record RefreshOutcome(RefreshCallResult Final, int RefreshCalls, int ContinueCalls, IReadOnlyList<Guid> ImportIds);

/// <summary>The response of segsync_ReleaseSegment.</summary>
public sealed record ReleaseCallResult(Guid SegmentId, string Status, DateTime ReleasedOn);

/// <summary>
/// Calls segsync_RefreshSegments and segsync_ReleaseSegment through the SDK, and drives a refresh to the end the way
/// the "SegmentSync - Refresh all segments" flow does: continue each run while Applying, then call again with
/// RefreshStartedOn until the refresh is Applied.
/// </summary>
public sealed class SegmentRefreshClient(IOrganizationService service)
{
    /// <summary>One call: a new refresh (<paramref name="refreshStartedOn"/> null) or the next step of one.</summary>
    public RefreshCallResult Refresh(string? externalSegmentId = null, DateTime? refreshStartedOn = null)
    {
        var request = new OrganizationRequest(Api.RefreshSegments);
        if (externalSegmentId != null)
        {
            request[Api.ExternalSegmentId] = externalSegmentId;
        }

        if (refreshStartedOn.HasValue)
        {
            request[Api.RefreshStartedOn] = refreshStartedOn.Value;
        }

        var response = service.Execute(request);
        T Get<T>(string name) => response.Results.TryGetValue(name, out var value) && value is T typed ? typed : default!;
        var ids = (Get<string>(Api.ImportIds) ?? string.Empty)
            .Split(Api.ImportIdSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Guid.Parse)
            .ToList();
        return new RefreshCallResult(Get<string>(Api.Status) ?? string.Empty, Get<int>(Api.SegmentsRefreshed), Get<int>(Api.SegmentsSkipped),
            Get<int>(Api.MembersAdded), Get<int>(Api.MembersRemoved), Get<int>(Api.MembersIgnored), ids, Get<DateTime>(Api.RefreshStartedOn));
    }

    /// <summary>Refreshes to the end: continues each run with segsync_ContinueSegmentImport, then asks again, until Applied.</summary>
    public RefreshOutcome RefreshUntilDone(string? externalSegmentId = null, int maxRounds = 1000)
    {
        var imports = new SegmentImportClient(service);
        var result = Refresh(externalSegmentId);
        var all = new List<Guid>(result.ImportIds);
        int refreshCalls = 1, continueCalls = 0;
        while (result.IsApplying)
        {
            if (refreshCalls > maxRounds)
            {
                throw new InvalidOperationException($"The refresh was still Applying after {maxRounds} calls.");
            }

            foreach (var importId in result.ImportIds)
            {
                ImportCallResult step;
                do
                {
                    step = imports.Continue(importId);
                    continueCalls++;
                }
                while (step.IsApplying);
            }

            result = Refresh(externalSegmentId, result.RefreshStartedOn);
            refreshCalls++;
            all.AddRange(result.ImportIds.Where(id => !all.Contains(id)));
        }

        return new RefreshOutcome(result, refreshCalls, continueCalls, all);
    }

    public ReleaseCallResult Release(string externalSegmentId)
    {
        var request = new OrganizationRequest(Api.ReleaseSegment) { [Api.ExternalSegmentId] = externalSegmentId };
        var response = service.Execute(request);
        return new ReleaseCallResult((Guid)response[ImportApi.SegmentId], (string)response[Api.Status], (DateTime)response[Api.ReleasedOn]);
    }
}
