using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.LocalEnvironment;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Targets;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Cli.Demo;

/// <summary>What a maker sees of, and does to, a segment in Journeys, for either segment model.</summary>
public sealed class DemoSegmentView(SegmentSyncEnvironment environment, SegmentTargetOption target)
{
    private readonly IOrganizationService _service = environment.Service();

    private bool IsRealTime => target == SegmentTargetOption.RealTime;

    public IReadOnlyList<Guid> Members(Guid segmentId) => environment.MembersOf(segmentId);

    /// <summary>The maker takes the segment live (outbound: status Live; real-time: publish the definition).</summary>
    public void GoLive(Guid segmentId)
    {
        if (IsRealTime)
        {
            _service.Execute(new OrganizationRequest(R.PublishSegmentDefinition) { [R.SegmentIdParameter] = segmentId.ToString() });
            return;
        }

        _service.Update(new Entity(S.LogicalName, segmentId) { [S.StatusCode] = new OptionSetValue(S.StatusLive) });
    }

    public void AddByHand(Guid segmentId, Guid contactId)
    {
        if (IsRealTime)
        {
            _service.Execute(new OrganizationRequest(R.AddStaticMembers)
            {
                [R.SegmentIdParameter] = segmentId.ToString(),
                [R.GroupIdParameter] = StaticListGroups.GroupId(segmentId, 0).ToString(),
                [R.EntityIdsParameter] = new[] { contactId.ToString() },
            });
            return;
        }

        _service.Execute(new OrganizationRequest(S.IncludeMembersMessage)
        {
            [S.MessageSegmentIdParameter] = segmentId.ToString(),
            [S.MessageMemberIdsParameter] = $"[\"{contactId}\"]",
        });
    }

    /// <summary>
    /// The General tab; for a real-time segment the external fields come from SegmentSync's external segment record,
    /// which is where SegmentSync keeps them for that model.
    /// </summary>
    public IEnumerable<(string Field, string Value)> GeneralTab(Guid segmentId)
    {
        if (!IsRealTime)
        {
            var segment = _service.Retrieve(S.LogicalName, segmentId, new ColumnSet(true));
            var status = segment.GetAttributeValue<OptionSetValue>(S.StatusCode)?.Value;
            yield return ("Name", segment.GetAttributeValue<string>(S.Name) ?? "");
            yield return ("Status", status == S.StatusLive ? "Live" : status == S.StatusDraft ? "Draft" : status?.ToString() ?? "");
            yield return ("External source", segment.GetAttributeValue<OptionSetValue>(S.ExternalSource)?.Value == S.ExternalSourceCustomerInsights ? "Customer Insights" : "");
            yield return ("External Segment URL", segment.GetAttributeValue<string>(S.ExternalSegmentUrl) ?? "");
            yield return ("Description", segment.GetAttributeValue<string>(S.Description) ?? "");
            yield return ("Segment size", (segment.GetAttributeValue<int?>(S.SegmentSize) ?? 0).ToString());
            yield break;
        }

        var definition = _service.Retrieve(R.Definition, segmentId, new ColumnSet(true));
        var definitionStatus = definition.GetAttributeValue<OptionSetValue>(R.StatusCode)?.Value;
        var external = _service.RetrieveMultiple(new QueryExpression(ExternalSegmentTable.LogicalName)
        {
            ColumnSet = new ColumnSet(true),
            Criteria = { Conditions = { new ConditionExpression(ExternalSegmentTable.TargetSegmentId, ConditionOperator.Equal, segmentId.ToString("D")) } },
        }).Entities.FirstOrDefault();
        yield return ("Name", definition.GetAttributeValue<string>(R.DefinitionName) ?? "");
        yield return ("Status", definitionStatus == R.DefinitionStatusLive ? "Live" : definitionStatus == R.DefinitionStatusDraft ? "Draft" : definitionStatus?.ToString() ?? "");
        yield return ("External source (SegmentSync)", external != null ? "Customer Insights" : "");
        yield return ("External Segment URL", external?.GetAttributeValue<string>(ExternalSegmentTable.ExternalUrl) ?? "");
        yield return ("Description", external?.GetAttributeValue<string>(ExternalSegmentTable.Description) ?? "");
        yield return ("Segment size", (external?.GetAttributeValue<int?>(ExternalSegmentTable.MemberCount) ?? 0).ToString());
    }
}
