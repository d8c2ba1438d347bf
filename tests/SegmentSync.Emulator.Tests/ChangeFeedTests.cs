using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator.Journeys;
using Xunit;

namespace SegmentSync.Emulator.Tests;

/// <summary>The change feed (Committed), Snapshot and Restore that let a host persist an organization.</summary>
public class ChangeFeedTests
{
    [Fact]
    public void Each_top_level_request_publishes_the_rows_it_left_changed()
    {
        var dataverse = TestOrganization.Create();
        var published = new List<ChangeSet>();
        dataverse.Committed += published.Add;
        var service = dataverse.GetService();

        var account = service.CreateAccount("Contoso", "A-1");
        service.Update(new Entity("account", account) { ["name"] = "Contoso Ltd" });
        service.Delete("account", account);

        Assert.Equal(3, published.Count);
        Assert.Equal("Contoso", published[0].Rows.Single().Row!["name"]);
        Assert.Equal("Contoso Ltd", published[1].Rows.Single().Row!["name"]);
        Assert.Null(published[2].Rows.Single().Row);
    }

    [Fact]
    public void A_rolled_back_request_publishes_the_state_from_before_it()
    {
        var dataverse = TestOrganization.Create();
        var service = dataverse.GetService();
        var account = service.CreateAccount("Contoso", "A-1");
        var published = new List<ChangeSet>();
        dataverse.Committed += published.Add;

        TestOrganization.Fault(() => service.Update(new Entity("account", account) { ["name"] = "Fabrikam", ["numberofemployees"] = -5 }));

        Assert.All(published.SelectMany(p => p.Rows), r => Assert.Equal("Contoso", r.Row!["name"]));
    }

    [Fact]
    public void Snapshot_restored_into_a_new_organization_gives_back_rows_and_member_sets()
    {
        var source = new InMemoryDataverse();
        var outbound = OutboundMarketingModel.Install(source);
        var contacts = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        source.Seed("contact", contacts.Select(id => new Entity("contact", id) { ["fullname"] = "C " + id }));
        var service = source.GetService();
        var segment = service.Create(new Entity(SegmentSchema.LogicalName)
        {
            [SegmentSchema.Name] = "Dynamic one",
            [SegmentSchema.SegmentType] = new OptionSetValue(SegmentSchema.TypeStatic),
        });
        var include = new OrganizationRequest(SegmentSchema.IncludeMembersMessage)
        {
            [SegmentSchema.SegmentIdParameter] = segment.ToString(),
            [SegmentSchema.MemberIdsParameter] = "[" + string.Join(",", contacts.Take(3).Select(c => $"\"{c}\"")) + "]",
        };
        service.Execute(include);

        var target = new InMemoryDataverse();
        var restored = OutboundMarketingModel.Install(target);
        target.Restore(source.Snapshot());

        Assert.Equal(outbound.MembersOf(segment), restored.MembersOf(segment));
        Assert.Equal(5, target.Count("contact"));
        Assert.Equal("Dynamic one", target.GetService().Retrieve(SegmentSchema.LogicalName, segment, new Microsoft.Xrm.Sdk.Query.ColumnSet(true))[SegmentSchema.Name]);
    }

    [Fact]
    public void Member_changes_are_published_item_by_item()
    {
        var dataverse = new InMemoryDataverse();
        OutboundMarketingModel.Install(dataverse);
        var contact = Guid.NewGuid();
        dataverse.Seed("contact", new[] { new Entity("contact", contact) { ["fullname"] = "C" } });
        var service = dataverse.GetService();
        var segment = service.Create(new Entity(SegmentSchema.LogicalName) { [SegmentSchema.Name] = "S", [SegmentSchema.SegmentType] = new OptionSetValue(SegmentSchema.TypeStatic) });
        var published = new List<ChangeSet>();
        dataverse.Committed += published.Add;

        service.Execute(new OrganizationRequest(SegmentSchema.IncludeMembersMessage)
        {
            [SegmentSchema.SegmentIdParameter] = segment.ToString(),
            [SegmentSchema.MemberIdsParameter] = $"[\"{contact}\"]",
        });

        var state = Assert.Single(published.Single().States);
        Assert.Equal("1", state.Value);
        Assert.Contains(published.Single().Rows, r => r.Id == segment); // the member ids column is rewritten
    }

    [Fact]
    public void Restore_evicts_a_fresh_row_that_holds_the_same_alternate_key()
    {
        var source = TestOrganization.Create();
        var id = source.GetService().CreateAccount("Persisted", "K-1");
        var target = TestOrganization.Create();
        var fresh = target.GetService().CreateAccount("Fresh copy", "K-1");

        target.Restore(source.Snapshot());

        var accounts = target.GetService().RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("account") { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(true) }).Entities;
        Assert.Equal(id, Assert.Single(accounts).Id);
        Assert.NotEqual(fresh, id);
    }
}
