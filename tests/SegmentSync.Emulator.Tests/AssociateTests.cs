using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class AssociateTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();
    private readonly IOrganizationService _service;

    public AssociateTests()
    {
        _service = _dataverse.GetService();
    }

    private static EntityReferenceCollection Contacts(params Guid[] ids) => new(ids.Select(id => new EntityReference("contact", id)).ToList());

    private int MembersOf(Guid account)
    {
        var query = new QueryExpression("new_account_contact");
        query.Criteria.AddCondition("accountid", ConditionOperator.Equal, account);
        return _service.RetrieveMultiple(query).Entities.Count;
    }

    [Fact]
    public void Associate_and_disassociate_maintain_the_intersect_table()
    {
        var account = _service.CreateAccount("Contoso");
        var a = _service.CreateContact("A");
        var b = _service.CreateContact("B");
        var relationship = new Relationship(TestOrganization.AccountMembers);

        _service.Associate("account", account, relationship, Contacts(a, b));
        var afterAssociate = MembersOf(account);
        _service.Disassociate("account", account, relationship, Contacts(a));

        Assert.Equal(2, afterAssociate);
        Assert.Equal(1, MembersOf(account));
    }

    [Fact]
    public void The_intersect_table_can_be_joined_in_queries()
    {
        var account = _service.CreateAccount("Contoso");
        var a = _service.CreateContact("A");
        _service.CreateContact("Not a member");
        _service.Associate("account", account, new Relationship(TestOrganization.AccountMembers), Contacts(a));

        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.AddLink("new_account_contact", "contactid", "contactid").LinkCriteria.AddCondition("accountid", ConditionOperator.Equal, account);

        Assert.Equal("A", Assert.Single(_service.RetrieveMultiple(query).Entities)["lastname"]);
    }

    [Fact]
    public void Associating_twice_is_a_duplicate_and_missing_records_are_refused()
    {
        var account = _service.CreateAccount("Contoso");
        var a = _service.CreateContact("A");
        var relationship = new Relationship(TestOrganization.AccountMembers);
        _service.Associate("account", account, relationship, Contacts(a));

        var duplicate = TestOrganization.Fault(() => _service.Associate("account", account, relationship, Contacts(a)));
        var missing = TestOrganization.Fault(() => _service.Associate("account", account, relationship, Contacts(Guid.NewGuid())));

        Assert.Equal(unchecked((int)0x80040237), duplicate.ErrorCode);
        Assert.Equal(unchecked((int)0x80040217), missing.ErrorCode);
    }

    [Fact]
    public void Associate_on_a_one_to_many_relationship_sets_the_lookup()
    {
        var account = _service.CreateAccount("Contoso");
        var a = _service.CreateContact("A");

        _service.Associate("account", account, new Relationship(TestOrganization.AccountContacts), Contacts(a));

        Assert.Equal(account, _service.Retrieve("contact", a, new ColumnSet("parentcustomerid")).GetAttributeValue<EntityReference>("parentcustomerid").Id);
    }

    [Fact]
    public void Deleting_a_parent_cascades_clears_links_or_is_restricted_as_its_relationships_say()
    {
        var account = _service.CreateAccount("Contoso");
        var child = _service.CreateContact("Child", account);
        var primary = _service.CreateContact("Primary");
        var other = _service.CreateAccount("Other");
        _service.Update(new Entity("account", other) { ["primarycontactid"] = new EntityReference("contact", primary) });
        var restricted = _service.CreateAccount("Restricted");
        _service.Create(new Entity("new_note") { ["new_name"] = "n", ["new_accountid"] = new EntityReference("account", restricted) });

        _service.Delete("account", account);
        _service.Delete("contact", primary);
        var fault = TestOrganization.Fault(() => _service.Delete("account", restricted));

        Assert.Equal(unchecked((int)0x80040227), fault.ErrorCode);
        Assert.DoesNotContain(_service.RetrieveMultiple(new QueryExpression("contact")).Entities, e => e.Id == child);
        Assert.False(_service.Retrieve("account", other, new ColumnSet(true)).Contains("primarycontactid"));
        Assert.Equal(1, _dataverse.Count("new_note"));
    }

    [Fact]
    public void Deleting_a_record_removes_its_associations()
    {
        var account = _service.CreateAccount("Contoso");
        var a = _service.CreateContact("A");
        _service.Associate("account", account, new Relationship(TestOrganization.AccountMembers), Contacts(a));

        _service.Delete("contact", a);

        Assert.Equal(0, MembersOf(account));
    }

    [Fact]
    public void An_unknown_relationship_is_refused()
    {
        var account = _service.CreateAccount("Contoso");

        TestOrganization.Fault(() => _service.Associate("account", account, new Relationship("nope"), Contacts(_service.CreateContact("A"))));
    }
}
