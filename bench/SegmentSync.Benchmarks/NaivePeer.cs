using System.Diagnostics;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Emulator.Journeys;
using SegmentSync.Plugins.Schema;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;

namespace SegmentSync.Benchmarks;

/// <summary>What the naive peer costs for a scenario: exact request counts, time measured on a sample.</summary>
public sealed class NaiveResult
{
    public required long Requests { get; init; }
    public required IReadOnlyDictionary<string, long> ByMessage { get; init; }
    public required long SampleOperations { get; init; }
    public required long Operations { get; init; }
    public required long SampleRequests { get; init; }
    public required double SampleSeconds { get; init; }

    /// <summary>Wall time for the whole scenario, extrapolated linearly from the sample.</summary>
    public double EstimatedSeconds => Operations == 0 ? SampleSeconds : SampleSeconds * Operations / Math.Max(1, SampleOperations);
}

/// <summary>
/// A naive mirror, as a script or a flow would do it through the same IOrganizationService. It knows the same diff
/// for free (the previous export and the new one) and then works id by id: it finds the segment (1 query) or creates
/// it, checks each id it must check with one Retrieve of the contact (outbound: adds and removes, since one unknown id
/// rejects a member message; real-time: adds), sends one membership request per contact that changes
/// (msdyncrm_IncludeMemberInSegment / msdyncrm_ExcludeMemberFromSegment; real-time: msdynmkt_AddStaticMembers /
/// msdynmkt_RemoveStaticMembers with one id) and, for outbound, updates the segment's description once.
/// </summary>
/// <remarks>
/// Its request count follows from that and is exact. Its run time is measured on a sample of at most
/// <c>sampleIds</c> checked ids, against a scratch segment (outbound: already larger than msdyncrm_segmentmemberids
/// can list, as the big segment is), and extrapolated linearly.
/// </remarks>
public static class NaivePeer
{
    public static NaiveResult Run(BenchEnvironment environment, Scenario scenario, int sampleIds, IReadOnlyList<Guid> filler)
    {
        var outbound = scenario.Target == SegmentTargetOption.Outbound;
        long requests = 0, operations = 0;
        var byMessage = new Dictionary<string, long>(StringComparer.Ordinal);
        void Count(string message, long n)
        {
            byMessage[message] = byMessage.GetValueOrDefault(message) + n;
            requests += n;
        }

        foreach (var import in scenario.Imports)
        {
            Count("RetrieveMultiple", 1);
            if (import.SegmentIsNew)
            {
                Count("Create", outbound ? 1 : 2);
            }

            var checks = import.AddCandidates.Count + (outbound ? import.Removes.Count : 0);
            Count("Retrieve", checks);
            Count(outbound ? SegmentSchema.IncludeMemberMessage : R.AddStaticMembers, import.AddsExisting);
            Count(outbound ? SegmentSchema.ExcludeMemberMessage : R.RemoveStaticMembers, import.Removes.Count);
            if (outbound)
            {
                Count("Update", 1);
            }

            operations += checks;
        }

        var service = environment.Service();
        var dataverse = environment.Dataverse;
        var (segmentId, groupId) = outbound ? (ScratchOutboundSegment(service, filler, scenario.Label), Guid.Empty) : ScratchDefinition(service, scenario.Label);
        var take = operations == 0 ? 1.0 : Math.Min(1.0, (double)sampleIds / operations);
        dataverse.Requests.Reset();
        var sampleOps = 0L;
        var watch = Stopwatch.StartNew();
        foreach (var import in scenario.Imports)
        {
            if (sampleOps >= sampleIds && scenario.Imports.Count > 1)
            {
                break;
            }

            var adds = import.AddCandidates.Take((int)Math.Ceiling(import.AddCandidates.Count * take)).ToList();
            var removes = import.Removes.Take((int)Math.Ceiling(import.Removes.Count * take)).ToList();
            ImportOne(service, outbound, segmentId, groupId, import, adds, removes);
            sampleOps += adds.Count + (outbound ? removes.Count : 0);
        }

        watch.Stop();
        return new NaiveResult
        {
            Requests = requests,
            ByMessage = byMessage,
            Operations = operations,
            SampleOperations = sampleOps,
            SampleRequests = dataverse.Requests.Total,
            SampleSeconds = watch.Elapsed.TotalSeconds,
        };
    }

    private static void ImportOne(IOrganizationService service, bool outbound, Guid scratch, Guid groupId, ImportSpec import, List<Guid> adds, List<Guid> removes)
    {
        var find = outbound
            ? new QueryExpression(OutboundSegmentTable.LogicalName) { ColumnSet = new ColumnSet(OutboundSegmentTable.Name), TopCount = 1 }
            : new QueryExpression(R.Definition) { ColumnSet = new ColumnSet(R.DefinitionName), TopCount = 1 };
        find.Criteria.AddCondition(outbound ? OutboundSegmentTable.PrimaryId : R.DefinitionId, ConditionOperator.Equal, scratch);
        var segmentId = service.RetrieveMultiple(find).Entities.Single().Id;
        if (import.SegmentIsNew)
        {
            // A first import creates its segment; the sample then fills the scratch one.
            if (outbound)
            {
                service.Create(new Entity(OutboundSegmentTable.LogicalName)
                {
                    [OutboundSegmentTable.Name] = import.Export.SegmentName,
                    [OutboundSegmentTable.SegmentType] = new OptionSetValue(OutboundSegmentTable.SegmentTypeStatic),
                });
            }
            else
            {
                ScratchDefinition(service, "naive new");
            }
        }

        foreach (var id in adds)
        {
            if (Exists(service, id))
            {
                Send(service, outbound, true, segmentId, groupId, id);
            }
        }

        foreach (var id in removes)
        {
            if (!outbound || Exists(service, id))
            {
                Send(service, outbound, false, segmentId, groupId, id);
            }
        }

        if (outbound)
        {
            service.Update(new Entity(OutboundSegmentTable.LogicalName, segmentId)
            {
                [OutboundSegmentTable.Description] = "Refreshed by the naive peer.",
                [OutboundSegmentTable.LastUpdatedTime] = DateTime.UtcNow,
            });
        }
    }

    private static bool Exists(IOrganizationService service, Guid id)
    {
        try
        {
            service.Retrieve(ContactTable.LogicalName, id, new ColumnSet(ContactTable.PrimaryId));
            return true;
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            return false;
        }
    }

    private static void Send(IOrganizationService service, bool outbound, bool include, Guid segmentId, Guid groupId, Guid contactId)
    {
        OrganizationRequest request;
        if (outbound)
        {
            request = new OrganizationRequest(include ? SegmentSchema.IncludeMemberMessage : SegmentSchema.ExcludeMemberMessage);
            request[SegmentSchema.SegmentIdParameter] = segmentId.ToString("D");
            request[SegmentSchema.MemberIdParameter] = contactId.ToString("D");
        }
        else
        {
            request = new OrganizationRequest(include ? R.AddStaticMembers : R.RemoveStaticMembers);
            request[R.SegmentIdParameter] = segmentId.ToString("D");
            request[R.GroupIdParameter] = groupId.ToString("D");
            request[R.EntityIdsParameter] = new[] { contactId.ToString("D") };
        }

        service.Execute(request);
    }

    /// <summary>A Live static segment with more members than the column can list.</summary>
    private static Guid ScratchOutboundSegment(IOrganizationService service, IReadOnlyList<Guid> filler, string label)
    {
        var id = service.Create(new Entity(OutboundSegmentTable.LogicalName)
        {
            [OutboundSegmentTable.Name] = "Naive scratch " + label,
            [OutboundSegmentTable.SegmentType] = new OptionSetValue(OutboundSegmentTable.SegmentTypeStatic),
        });
        var perRequest = LowerBound.OutboundIdsPerRequest;
        for (var i = 0; i < filler.Count; i += perRequest)
        {
            var request = new OrganizationRequest(SegmentSchema.IncludeMembersMessage);
            request[SegmentSchema.SegmentIdParameter] = id.ToString("D");
            request[SegmentSchema.MemberIdsParameter] = SegmentSync.Plugins.Domain.MemberIdListCodec.Serialize(filler.Skip(i).Take(perRequest), withPrefix: false);
            service.Execute(request);
        }

        BenchEnvironment.GoLive(service, SegmentTargetOption.Outbound, id);
        return id;
    }

    /// <summary>A real-time definition with one static Include group, and its segment record.</summary>
    private static (Guid Definition, Guid Group) ScratchDefinition(IOrganizationService service, string label)
    {
        var definitionId = Guid.NewGuid();
        var groupId = Guid.NewGuid();
        service.Create(new Entity(R.Definition, definitionId)
        {
            [R.DefinitionName] = "Naive scratch " + label,
            [R.StatusCode] = new OptionSetValue(R.DefinitionStatusDraft),
            [R.StaticListMembers] = "[{\"groupId\":\"" + groupId.ToString("D") + "\",\"includeType\":\"Include\",\"name\":\"Naive\",\"inputType\":\"manualSelect\"}]",
            [R.SegmentQuery] = string.Empty,
        });
        service.Create(new Entity(R.Segment)
        {
            [R.DisplayName] = "Naive scratch " + label,
            [R.Type] = new OptionSetValue(R.TypeStatic),
            [R.Source] = new OptionSetValue(R.SourceJourneys),
            [R.BaseEntity] = ContactTable.LogicalName,
            [R.SourceSegmentUid] = definitionId.ToString("D"),
        });
        return (definitionId, groupId);
    }
}
