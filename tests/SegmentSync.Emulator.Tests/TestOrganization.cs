using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace SegmentSync.Emulator.Tests;

/// <summary>
/// A small CRM-like schema for the generic tests: account and contact (1:N both ways), a note with a restrict
/// relationship, an N:N between them, and a ticket table with enforced status transitions.
/// </summary>
internal static class TestOrganization
{
    public const string AccountContacts = "contact_customer_accounts";
    public const string AccountPrimaryContact = "account_primary_contact";
    public const string AccountNotes = "account_notes";
    public const string AccountMembers = "new_account_contact";

    public static InMemoryDataverse Create(TimeProvider? clock = null)
    {
        var dataverse = new InMemoryDataverse(clock);
        dataverse.Metadata.AddTable(new TableDefinition("account", "accountid", "name", "accounts")
            .String("name", 100, required: true)
            .String("accountnumber", 20)
            .Integer("numberofemployees", 0, 100000)
            .Money("revenue")
            .Decimal("score")
            .BigInt("bignumber")
            .Boolean("donotemail", defaultValue: false)
            .DateTime("lastcontacted")
            .Guid("externalid")
            .Picklist("industrycode", new[] { 1, 2, 3 }, defaultValue: 1)
            .Memo("description", 2000)
            .Lookup("primarycontactid", "contact")
            .StateStatus((0, 1, true), (1, 2, true))
            .AlternateKey("accountnumber_key", "accountnumber"));
        dataverse.Metadata.AddTable(new TableDefinition("contact", "contactid", "fullname", "contacts")
            .String("fullname", 160)
            .String("firstname", 50)
            .String("lastname", 50)
            .String("emailaddress1", 100)
            .Integer("age")
            .Lookup("parentcustomerid", "account")
            .StateStatus((0, 1, true), (1, 2, true))
            .Index("emailaddress1"));
        dataverse.Metadata.AddTable(new TableDefinition("new_note", "new_noteid", "new_name")
            .Lookup("new_accountid", "account"));
        dataverse.Metadata.AddTable(new TableDefinition("new_ticket", "new_ticketid", "new_name")
            .StateStatus((0, 10, true), (0, 11, false), (0, 12, false), (1, 20, true))
            .AllowStatusTransitions(10, 11)
            .AllowStatusTransitions(11, 12, 20));
        dataverse.Metadata.AddRelationship(RelationshipDefinition.OneToMany(AccountContacts, "account", "contact", "parentcustomerid", CascadeDelete.Cascade));
        dataverse.Metadata.AddRelationship(RelationshipDefinition.OneToMany(AccountPrimaryContact, "contact", "account", "primarycontactid", CascadeDelete.RemoveLink));
        dataverse.Metadata.AddRelationship(RelationshipDefinition.OneToMany(AccountNotes, "account", "new_note", "new_accountid", CascadeDelete.Restrict));
        dataverse.Metadata.AddRelationship(RelationshipDefinition.ManyToMany(AccountMembers, "account", "contact", "new_account_contact"));
        return dataverse;
    }

    public static Guid CreateAccount(this IOrganizationService service, string name, string? number = null)
    {
        var account = new Entity("account") { ["name"] = name };
        if (number is not null) account["accountnumber"] = number;
        return service.Create(account);
    }

    public static Guid CreateContact(this IOrganizationService service, string lastName, Guid? accountId = null, string? email = null)
    {
        var contact = new Entity("contact") { ["lastname"] = lastName, ["fullname"] = lastName };
        if (accountId is Guid id) contact["parentcustomerid"] = new EntityReference("account", id);
        if (email is not null) contact["emailaddress1"] = email;
        return service.Create(contact);
    }

    /// <summary>Runs <paramref name="action"/> and returns the Dataverse fault it must throw.</summary>
    public static OrganizationServiceFault Fault(Action action)
    {
        var exception = Assert.Throws<FaultException<OrganizationServiceFault>>(action);
        Assert.Equal(exception.Detail.Message, exception.Message);
        return exception.Detail;
    }
}
