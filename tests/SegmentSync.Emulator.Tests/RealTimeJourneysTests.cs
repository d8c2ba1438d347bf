using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator.Journeys;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class RealTimeJourneysTests
{
    private readonly InMemoryDataverse _dataverse = new();
    private readonly RealTimeJourneys _realTime;
    private readonly IOrganizationService _service;
    private readonly List<Guid> _contacts;
    private readonly Guid _include = Guid.NewGuid();
    private readonly Guid _exclude = Guid.NewGuid();

    public RealTimeJourneysTests()
    {
        _realTime = RealTimeJourneysModel.Install(_dataverse);
        _service = _dataverse.GetService();
        _contacts = Enumerable.Range(0, 1200).Select(_ => Guid.NewGuid()).ToList();
        _dataverse.Seed("contact", _contacts.Select(id => new Entity("contact", id)));
    }

    private string Groups(params (Guid Id, string Type)[] groups) =>
        JsonSerializer.Serialize(groups.Select(g => new { groupId = g.Id.ToString(), includeType = g.Type, name = "G", inputType = "manualSelect" }));

    private Guid CreateDefinition(string? groups = null) => _service.Create(new Entity(RealTimeSchema.Definition)
    {
        [RealTimeSchema.DefinitionName] = "High value",
        [RealTimeSchema.StaticListMembers] = groups ?? Groups((_include, "Include"), (_exclude, "Exclude")),
    });

    private void Change(string message, Guid definition, Guid group, IEnumerable<Guid> ids) =>
        _service.Execute(new OrganizationRequest(message)
        {
            ["SegmentId"] = definition.ToString(), ["GroupId"] = group.ToString(), ["EntityIds"] = ids.Select(i => i.ToString()).ToArray(),
        });

    private List<string> Page(Guid definition, Guid group, int pageNo, int pageSize)
    {
        var response = _service.Execute(new OrganizationRequest(RealTimeSchema.ListGroupMembers)
        {
            ["SegmentId"] = definition.ToString(), ["GroupId"] = group.ToString(), ["PageNo"] = pageNo, ["PageSize"] = pageSize,
        });
        using var json = JsonDocument.Parse((string)response.Results["Response"]);
        return json.RootElement.GetProperty("entityIds").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    [Fact]
    public void NewDefinition_IsDraft()
    {
        var id = CreateDefinition();

        Assert.Equal(RealTimeSchema.StatusDraft, _service.Retrieve(RealTimeSchema.Definition, id, new Microsoft.Xrm.Sdk.Query.ColumnSet(TableDefinition.StatusCode)).GetAttributeValue<OptionSetValue>(TableDefinition.StatusCode).Value);
    }

    [Fact]
    public void Members_AreIncludeGroupsLessExcludeGroups()
    {
        var id = CreateDefinition();
        Change(RealTimeSchema.AddStaticMembers, id, _include, _contacts.Take(5));
        Change(RealTimeSchema.AddStaticMembers, id, _exclude, _contacts.Take(2));

        Assert.Equal(_contacts.Skip(2).Take(3).OrderBy(i => i), _realTime.MembersOf(id));
    }

    [Fact]
    public void ListGroupMembers_PagesThroughAGroupInAStableOrder()
    {
        var id = CreateDefinition();
        Change(RealTimeSchema.AddStaticMembers, id, _include, _contacts.Take(7));

        var pages = new[] { Page(id, _include, 1, 3), Page(id, _include, 2, 3), Page(id, _include, 3, 3) };

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(_contacts.Take(7).OrderBy(i => i).Select(i => i.ToString()), pages.SelectMany(p => p));
    }

    [Fact]
    public void AddingMoreThanAThousandIds_IsRejectedWhole()
    {
        var id = CreateDefinition();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Change(RealTimeSchema.AddStaticMembers, id, _include, _contacts.Take(1001)));

        Assert.Contains("at most 1000", error.Detail.Message);
        Assert.Empty(_realTime.MembersOf(id));
    }

    [Fact]
    public void AddingAnIdThatIsNoContact_IsRejectedWhole()
    {
        var id = CreateDefinition();

        Assert.Throws<FaultException<OrganizationServiceFault>>(() => Change(RealTimeSchema.AddStaticMembers, id, _include, _contacts.Take(3).Append(Guid.NewGuid())));

        Assert.Empty(_realTime.MembersOf(id));
    }

    [Fact]
    public void AGroupTheDefinitionDoesNotDeclare_IsRejected()
    {
        var id = CreateDefinition();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Change(RealTimeSchema.AddStaticMembers, id, Guid.NewGuid(), _contacts.Take(1)));

        Assert.Contains("is not a static member group", error.Detail.Message);
    }

    [Fact]
    public void MoreThanTenGroups_OrDuplicateGroupIds_AreRejected()
    {
        var eleven = Groups(Enumerable.Range(0, 11).Select(_ => (Guid.NewGuid(), "Include")).ToArray());
        var same = Guid.NewGuid();

        Assert.Throws<FaultException<OrganizationServiceFault>>(() => CreateDefinition(eleven));
        Assert.Throws<FaultException<OrganizationServiceFault>>(() => CreateDefinition(Groups((same, "Include"), (same, "Exclude"))));
    }

    [Fact]
    public void AGroupBeyondTwoHundredThousandIds_IsRejected()
    {
        var many = Enumerable.Range(0, RealTimeSchema.GroupCapacity).Select(_ => Guid.NewGuid()).ToList();
        _dataverse.Seed("contact", many.Select(c => new Entity("contact", c)));
        var id = CreateDefinition();
        foreach (var chunk in many.Chunk(RealTimeSchema.IdsPerRequest))
        {
            Change(RealTimeSchema.AddStaticMembers, id, _include, chunk);
        }

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Change(RealTimeSchema.AddStaticMembers, id, _include, _contacts.Take(1)));

        Assert.Contains("at most 200000", error.Detail.Message);
        Assert.Equal(RealTimeSchema.GroupCapacity, _realTime.GroupMembers(id, _include).Count);
    }

    [Fact]
    public void AFailedTransaction_UndoesMemberChanges()
    {
        var id = CreateDefinition();
        var request = new Microsoft.Xrm.Sdk.Messages.ExecuteTransactionRequest
        {
            Requests = new OrganizationRequestCollection
            {
                new OrganizationRequest(RealTimeSchema.AddStaticMembers) { ["SegmentId"] = id.ToString(), ["GroupId"] = _include.ToString(), ["EntityIds"] = new[] { _contacts[0].ToString() } },
                new OrganizationRequest(RealTimeSchema.AddStaticMembers) { ["SegmentId"] = id.ToString(), ["GroupId"] = Guid.NewGuid().ToString(), ["EntityIds"] = new[] { _contacts[1].ToString() } },
            },
        };

        Assert.ThrowsAny<Exception>(() => _service.Execute(request));

        Assert.Empty(_realTime.MembersOf(id));
    }

    [Fact]
    public void Publish_MakesTheDefinitionLive_AndIsCounted()
    {
        var id = CreateDefinition();

        _service.Execute(new OrganizationRequest(RealTimeSchema.PublishSegmentDefinition) { ["SegmentId"] = id.ToString() });

        Assert.Equal(RealTimeSchema.StatusLive, _service.Retrieve(RealTimeSchema.Definition, id, new Microsoft.Xrm.Sdk.Query.ColumnSet(TableDefinition.StatusCode)).GetAttributeValue<OptionSetValue>(TableDefinition.StatusCode).Value);
        Assert.Equal(1, _realTime.Publications);
    }

    [Fact]
    public void DeletingAContact_RemovesItFromEveryGroup()
    {
        var id = CreateDefinition();
        Change(RealTimeSchema.AddStaticMembers, id, _include, _contacts.Take(3));

        _service.Delete("contact", _contacts[0]);

        Assert.Equal(_contacts.Skip(1).Take(2).OrderBy(i => i), _realTime.MembersOf(id));
    }

    [Fact]
    public void MemberMessages_AreCountedAndCanBeFaulted_LikeAnyRequest()
    {
        var id = CreateDefinition();
        _dataverse.Requests.Reset();
        _dataverse.Faults.FailWhen(info => info.MessageName == RealTimeSchema.RemoveStaticMembers);

        Change(RealTimeSchema.AddStaticMembers, id, _include, _contacts.Take(2));
        Assert.Throws<FaultException<OrganizationServiceFault>>(() => Change(RealTimeSchema.RemoveStaticMembers, id, _include, _contacts.Take(1)));

        Assert.Equal(1, _dataverse.Requests.CountOf(RealTimeSchema.AddStaticMembers));
        Assert.Equal(2, _realTime.MembersOf(id).Count);
    }
}
