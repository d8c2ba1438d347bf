using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Targets;
using Xunit;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;

namespace SegmentSync.Plugins.Tests.Import;

/// <summary>What only real-time journeys has: the definition, its segment record and static member groups.</summary>
public class RealTimeSegmentTests
{
    [Fact]
    public void NewSegment_IsADraftDefinitionWithOurIncludeGroup_AndAStaticContactSegmentRecord()
    {
        var h = new ImportHarness(5, SegmentTargetOption.RealTime);

        var result = h.Import(h.Contacts).Final;

        var definition = h.Service.Retrieve(R.Definition, result.SegmentId, new Microsoft.Xrm.Sdk.Query.ColumnSet(true));
        var groups = StaticListGroups.Parse(definition.GetAttributeValue<string>(R.StaticListMembers));
        var group = Assert.Single(groups);
        Assert.Equal("Include", group.IncludeType);
        Assert.Equal(StaticListGroups.GroupId(result.SegmentId, 0).ToString(), group.GroupId);
        var segment = Assert.Single(h.All(R.Segment));
        Assert.Equal(R.TypeStatic, segment.GetAttributeValue<Microsoft.Xrm.Sdk.OptionSetValue>(R.Type).Value);
        Assert.Equal("contact", segment.GetAttributeValue<string>(R.BaseEntity));
        Assert.Equal(result.SegmentId.ToString(), segment.GetAttributeValue<string>(R.SourceSegmentUid));
        Assert.Equal(5, h.Environment.RealTime.GroupMembers(result.SegmentId, StaticListGroups.GroupId(result.SegmentId, 0)).Count);
    }

    [Fact]
    public void GroupsAMakerDeclared_AreLeftAlone()
    {
        var h = new ImportHarness(10, SegmentTargetOption.RealTime);
        var first = h.Import(h.Contacts.Take(3)).Final;
        var makersGroup = Guid.NewGuid();
        var declarations = StaticListGroups.Parse(h.Service.Retrieve(R.Definition, first.SegmentId, new Microsoft.Xrm.Sdk.Query.ColumnSet(R.StaticListMembers)).GetAttributeValue<string>(R.StaticListMembers));
        declarations.Add(new StaticListGroup { GroupId = makersGroup.ToString(), IncludeType = "Include", Name = "VIPs", InputType = "manualSelect" });
        h.Service.Update(new Microsoft.Xrm.Sdk.Entity(R.Definition, first.SegmentId) { [R.StaticListMembers] = StaticListGroups.Serialize(declarations) });
        var add = new Microsoft.Xrm.Sdk.OrganizationRequest(R.AddStaticMembers)
        {
            [R.SegmentIdParameter] = first.SegmentId.ToString(), [R.GroupIdParameter] = makersGroup.ToString(), [R.EntityIdsParameter] = new[] { h.Contacts[9].ToString() },
        };
        h.Service.Execute(add);

        h.Import(h.Contacts.Skip(3).Take(3), exportedOn: ImportHarness.T0.AddHours(1));

        Assert.Equal([h.Contacts[9]], h.Environment.RealTime.GroupMembers(first.SegmentId, makersGroup));
        Assert.True(h.Environment.RealTime.GroupMembers(first.SegmentId, StaticListGroups.GroupId(first.SegmentId, 0)).ToHashSet().SetEquals(h.Contacts.Skip(3).Take(3)));
    }

    [Fact]
    public void MoreMembersThanOneGroupHolds_AreSpreadOverGroups_AndALiveDefinitionIsRepublishedOnlyThen()
    {
        const int size = R.GroupCapacity + 5000;
        var h = new ImportHarness(size, SegmentTargetOption.RealTime);
        var first = h.Import(h.Contacts.Take(1000)).Final;
        h.GoLive(first.SegmentId);
        var publications = h.Environment.RealTime.Publications;

        var outcome = h.Import(h.Contacts, exportedOn: ImportHarness.T0.AddHours(1));

        Assert.Equal("Applied", outcome.Final.Status);
        Assert.Equal(size, h.MembersOf(first.SegmentId).Count);
        Assert.Equal(R.GroupCapacity, h.Environment.RealTime.GroupMembers(first.SegmentId, StaticListGroups.GroupId(first.SegmentId, 0)).Count);
        Assert.Equal(5000, h.Environment.RealTime.GroupMembers(first.SegmentId, StaticListGroups.GroupId(first.SegmentId, 1)).Count);
        Assert.Equal(publications + 1, h.Environment.RealTime.Publications);
        Assert.True(h.View(first.SegmentId).IsLive);
    }

    [Fact]
    public void AutoTarget_ChoosesRealTimeWhereItsTablesExist_AndOutboundOtherwise()
    {
        var both = LocalEnvironment.SegmentSyncEnvironment.Create(models: LocalEnvironment.JourneysModels.Both);
        var outboundOnly = LocalEnvironment.SegmentSyncEnvironment.Create(models: LocalEnvironment.JourneysModels.Outbound);
        foreach (var environment in new[] { both, outboundOnly })
        {
            var contact = Guid.NewGuid();
            environment.Dataverse.Seed(ContactTable.LogicalName, [new Microsoft.Xrm.Sdk.Entity(ContactTable.LogicalName, contact)]);
            var result = new LocalEnvironment.Client.SegmentImportClient(environment.Service()).Send(ImportHarness.Export(), [contact.ToString()]);
            Assert.Equal([contact], environment.MembersOf(result.SegmentId));
        }

        Assert.Single(both.Service().RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression(R.Definition)).Entities);
        Assert.Single(outboundOnly.Service().RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression(OutboundSegmentTable.LogicalName)).Entities);
    }
}
