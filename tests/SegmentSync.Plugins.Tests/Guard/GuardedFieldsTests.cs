using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Targets;
using SegmentSync.Plugins.Tests.Import;
using Xunit;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Tests.Guard;

/// <summary>Which updates of a managed segment the guard blocks, model by model.</summary>
public class GuardedFieldsTests
{
    [Theory]
    [InlineData(S.ExternalSegmentUrl, "https://elsewhere.example/segments/9", "its External Segment URL")]
    [InlineData(S.ExternalSource, null, "its External source")]
    [InlineData(S.SegmentType, 192350000, "its segment type")]
    [InlineData(S.MemberIds, "[]", "its members")]
    public void Outbound_UpdatingAGuardedColumn_IsBlocked_NamingIt(string column, object? value, string named)
    {
        var h = new ImportHarness(10);
        var segment = h.Import(h.Contacts.Take(3)).Final.SegmentId;
        var before = h.Fingerprint();
        var update = new Entity(S.LogicalName, segment) { [column] = value is int option ? new OptionSetValue(option) : value };

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => h.Service.Update(update));

        Assert.Contains(named + " cannot be changed here", error.Detail.Message);
        Assert.Equal(before, h.Fingerprint());
    }

    [Fact]
    public void Outbound_SavingTheSameValuesAgain_OrChangingOtherColumns_IsAllowed()
    {
        var h = new ImportHarness(10);
        var segment = h.Import(h.Contacts.Take(3)).Final.SegmentId;
        var current = h.Segment(segment);
        var sameMembersOtherFormat = "[" + string.Join(",", h.Contacts.Take(3).Reverse().Select(c => "\"" + c.ToString().ToUpperInvariant() + "\"")) + "]";

        h.Service.Update(new Entity(S.LogicalName, segment)
        {
            [S.ExternalSegmentUrl] = current[S.ExternalSegmentUrl],
            [S.ExternalSource] = current[S.ExternalSource],
            [S.MemberIds] = sameMembersOtherFormat,
            [S.Name] = "Renamed by a maker",
            [S.Description] = "A maker's note",
        });
        h.SetStatus(segment, S.StatusLive);

        Assert.Equal("Renamed by a maker", h.Segment(segment)[S.Name]);
        Assert.True(h.MembersOf(segment).SetEquals(h.Contacts.Take(3)));
    }

    [Fact]
    public void Outbound_OneMemberMessages_AreGuardedToo()
    {
        var h = new ImportHarness(10);
        var segment = h.Import(h.Contacts.Take(3)).Final.SegmentId;

        foreach (var message in new[] { S.IncludeMemberMessage, S.ExcludeMemberMessage })
        {
            var request = new OrganizationRequest(message) { [S.MessageSegmentIdParameter] = segment.ToString(), ["msdyncrm_segmentmemberid"] = h.Contacts[message == S.IncludeMemberMessage ? 8 : 0].ToString() };
            var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => h.Service.Execute(request));
            Assert.Contains("its members cannot be changed here", error.Detail.Message);
        }

        Assert.True(h.MembersOf(segment).SetEquals(h.Contacts.Take(3)));
    }

    [Fact]
    public void RealTime_RemovingOrTurningSegmentSyncsGroup_IsBlocked_WhileAMakersOwnGroupIsFree()
    {
        var h = new ImportHarness(10, SegmentTargetOption.RealTime);
        var segment = h.Import(h.Contacts.Take(3)).Final.SegmentId;
        var declarations = StaticListGroups.Parse(h.Service.Retrieve(R.Definition, segment, new ColumnSet(R.StaticListMembers)).GetAttributeValue<string>(R.StaticListMembers));
        var before = h.Fingerprint();
        var makersGroup = new StaticListGroup { GroupId = Guid.NewGuid().ToString(), IncludeType = "Include", Name = "VIPs", InputType = "manualSelect" };
        var turned = declarations.Select(g => new StaticListGroup { GroupId = g.GroupId, IncludeType = "Exclude", Name = g.Name, InputType = g.InputType }).ToList();

        foreach (var json in new[] { StaticListGroups.Serialize([makersGroup]), StaticListGroups.Serialize(turned), "[]", "not json" })
        {
            var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                h.Service.Update(new Entity(R.Definition, segment) { [R.StaticListMembers] = json }));
            Assert.Contains("its SegmentSync member groups cannot be changed here", error.Detail.Message);
        }

        Assert.Equal(before, h.Fingerprint());
        h.Service.Update(new Entity(R.Definition, segment) { [R.StaticListMembers] = StaticListGroups.Serialize(declarations.Append(makersGroup).ToList()) });
        h.Service.Execute(new OrganizationRequest(R.AddStaticMembers)
        {
            [R.SegmentIdParameter] = segment.ToString(), [R.GroupIdParameter] = makersGroup.GroupId, [R.EntityIdsParameter] = new[] { h.Contacts[9].ToString() },
        });
        Assert.Contains(h.Contacts[9], h.MembersOf(segment));
    }

    [Fact]
    public void TheGuardsSteps_AreDeclaredInTheSchema_AndRegisteredForEachModelTheEnvironmentHas()
    {
        var both = LocalEnvironment.SegmentSyncEnvironment.Create(models: LocalEnvironment.JourneysModels.Both);
        var outboundOnly = LocalEnvironment.SegmentSyncEnvironment.Create(models: LocalEnvironment.JourneysModels.Outbound);

        Assert.Equal(PluginSteps.Guard.Select(s => s.Name).Order(), both.Dataverse.Plugins.Steps.Select(s => s.Name!).Order());
        Assert.Equal(PluginSteps.OutboundGuard.Select(s => s.Name).Order(), outboundOnly.Dataverse.Plugins.Steps.Select(s => s.Name!).Order());
        Assert.All(PluginSteps.Guard, s => Assert.Equal((PluginSteps.PreOperation, 0, PluginSteps.GuardPluginType), (s.Stage, s.Mode, s.PluginTypeName)));
        Assert.NotNull(typeof(Plugins.Guard.ManagedSegmentGuardPlugin).Assembly.GetType(PluginSteps.GuardPluginType));
    }
}
