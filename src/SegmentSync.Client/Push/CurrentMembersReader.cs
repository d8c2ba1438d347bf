using System.Text.Json.Nodes;
using SegmentSync.Client.Export;
using SegmentSync.Client.Http;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Targets;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;

namespace SegmentSync.Client.Push;

/// <summary>
/// Reads, for a dry run, the static members a Journeys segment has now, through the Web API and without writing: an
/// outbound segment's member column, or a real-time segment's SegmentSync groups listed page by page with
/// msdynmkt_ListGroupMembers (a read-only action).
/// </summary>
internal sealed class CurrentMembersReader(DataverseClient client)
{
    /// <summary>The members, or null with the reason they cannot be read; and the requests it took.</summary>
    public async Task<(HashSet<Guid>? Members, string? Note, int Calls)> ReadAsync(Guid segmentId, SegmentTargetOption target, CancellationToken cancellationToken) =>
        target == SegmentTargetOption.RealTime
            ? await ReadRealTimeAsync(segmentId, cancellationToken)
            : await ReadOutboundAsync(segmentId, cancellationToken);

    private async Task<(HashSet<Guid>?, string?, int)> ReadOutboundAsync(Guid segmentId, CancellationToken cancellationToken)
    {
        try
        {
            var segment = await client.GetAsync($"{OutboundSegmentTable.EntitySetName}({segmentId})?$select={OutboundSegmentTable.MemberIds}", cancellationToken: cancellationToken);
            if (segment[OutboundSegmentTable.MemberIds]?.GetValue<string>() is not { } json)
            {
                return (null, "the segment's member list is too large to read through the Web API: added/removed not computed", 1);
            }

            var members = (JsonNode.Parse(json) as JsonArray ?? new JsonArray())
                .Select(n => ContactIdParser.TryParse(n?.GetValue<string>(), out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToHashSet();
            return (members, null, 1);
        }
        catch (DataverseException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            return (null, "the outbound marketing segment SegmentSync created is gone: added/removed not computed", 1);
        }
    }

    private async Task<(HashSet<Guid>?, string?, int)> ReadRealTimeAsync(Guid definitionId, CancellationToken cancellationToken)
    {
        JsonObject definition;
        try
        {
            definition = await client.GetAsync($"{R.DefinitionEntitySet}({definitionId})?$select={R.StaticListMembers}", cancellationToken: cancellationToken);
        }
        catch (DataverseException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            return (null, "the real-time segment definition SegmentSync created is gone: added/removed not computed", 1);
        }

        var calls = 1;
        var members = new HashSet<Guid>();
        foreach (var group in StaticListGroups.Ours(definitionId, StaticListGroups.Parse(definition[R.StaticListMembers]?.GetValue<string>())))
        {
            for (var page = 1; ; page++)
            {
                var response = await client.PostActionAsync(R.ListGroupMembers, new JsonObject
                {
                    [R.SegmentIdParameter] = definitionId.ToString("D"),
                    [R.GroupIdParameter] = group.ToString("D"),
                    [R.PageNoParameter] = page,
                    [R.PageSizeParameter] = R.ListPageSize,
                }, cancellationToken);
                calls++;
                var ids = GroupMembersResponse.ParseIds(response[R.ResponseParameter]?.GetValue<string>());
                members.UnionWith(ids);
                if (ids.Count < R.ListPageSize) break;
            }
        }

        return (members, null, calls);
    }
}
