using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Emulator.Journeys;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class OutboundMarketingTests
{
    private readonly InMemoryDataverse _dataverse = new();
    private readonly OutboundMarketing _outbound;
    private readonly IOrganizationService _service;
    private readonly List<Guid> _contacts;

    public OutboundMarketingTests()
    {
        _outbound = OutboundMarketingModel.Install(_dataverse);
        _service = _dataverse.GetService();
        _contacts = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        _dataverse.Seed("contact", _contacts.Select(id => new Entity("contact", id) { ["fullname"] = "C " + id }));
    }

    private static string Json(IEnumerable<Guid> ids, string prefix = "") => "[" + string.Join(",", ids.Select(id => $"\"{prefix}{id}\"")) + "]";

    private Guid CreateSegment(int type = SegmentSchema.TypeStatic, string? memberIds = null)
    {
        var segment = new Entity(SegmentSchema.LogicalName)
        {
            [SegmentSchema.Name] = "High value",
            [SegmentSchema.SegmentType] = new OptionSetValue(type),
            [TableDefinition.StatusCode] = new OptionSetValue(SegmentSchema.StatusDraft),
        };
        if (memberIds is not null) segment[SegmentSchema.MemberIds] = memberIds;
        return _service.Create(segment);
    }

    private void Send(string message, Guid segmentId, string memberIds)
    {
        var request = new OrganizationRequest(message) { [SegmentSchema.SegmentIdParameter] = segmentId.ToString() };
        request[message is SegmentSchema.IncludeMemberMessage or SegmentSchema.ExcludeMemberMessage ? SegmentSchema.MemberIdParameter : SegmentSchema.MemberIdsParameter] = memberIds;
        _service.Execute(request);
    }

    private void SetStatus(Guid segmentId, int status) =>
        _service.Update(new Entity(SegmentSchema.LogicalName, segmentId) { [TableDefinition.StatusCode] = new OptionSetValue(status) });

    private string? MemberColumn(Guid segmentId) => _service.Retrieve(SegmentSchema.LogicalName, segmentId, new ColumnSet(SegmentSchema.MemberIds)).GetAttributeValue<string>(SegmentSchema.MemberIds);

    [Fact]
    public void Install_registers_the_documented_tables()
    {
        var segment = _dataverse.Metadata.Table(SegmentSchema.LogicalName);
        var contact = _dataverse.Metadata.Table("contact");

        Assert.Equal("msdyncrm_segments", segment.EntitySetName);
        Assert.Equal("contacts", contact.EntitySetName);
        Assert.Equal(100, segment.Column(SegmentSchema.Name)!.MaxLength);
        Assert.True(segment.Column(SegmentSchema.Name)!.Required);
        Assert.Equal(1_000_000, segment.Column(SegmentSchema.MemberIds)!.MaxLength);
        Assert.Equal(2000, segment.Column(SegmentSchema.ExternalSegmentUrl)!.MaxLength);
        Assert.Equal(2000, segment.Column(SegmentSchema.Description)!.MaxLength);
        Assert.Equal(4000, segment.Column(SegmentSchema.SegmentQuery)!.MaxLength);
        Assert.Equal(100, contact.Column("emailaddress1")!.MaxLength);
        Assert.Equal(SegmentSchema.StateInactive, segment.Status(SegmentSchema.StatusExpired)!.State);
        Assert.Equal(8, segment.Statuses.Count);
    }

    [Fact]
    public void A_new_segment_is_an_active_draft()
    {
        var id = _service.Create(new Entity(SegmentSchema.LogicalName) { [SegmentSchema.Name] = "New" });

        var segment = _service.Retrieve(SegmentSchema.LogicalName, id, new ColumnSet(true));

        Assert.Equal(0, segment.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(SegmentSchema.StatusDraft, segment.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void Creating_a_static_segment_with_member_ids_sets_its_members_accepting_the_crm_prefix()
    {
        var id = CreateSegment(memberIds: Json(_contacts.Take(3), "crm"));

        Assert.Equal(_contacts.Take(3).OrderBy(c => c), _outbound.MembersOf(id));
    }

    [Fact]
    public void Member_ids_naming_an_unknown_contact_reject_the_create()
    {
        var fault = TestOrganization.Fault(() => CreateSegment(memberIds: Json(new[] { _contacts[0], Guid.NewGuid() })));

        Assert.Equal(unchecked((int)0x80040217), fault.ErrorCode);
        Assert.Equal(0, _dataverse.Count(SegmentSchema.LogicalName));
    }

    [Fact]
    public void Member_ids_that_are_not_a_json_array_of_ids_are_rejected()
    {
        TestOrganization.Fault(() => CreateSegment(memberIds: "not json"));
        TestOrganization.Fault(() => CreateSegment(memberIds: "[\"crm-not-a-guid\"]"));
        TestOrganization.Fault(() => CreateSegment(memberIds: "{\"a\":1}"));
    }

    [Fact]
    public void Updating_member_ids_replaces_the_member_set()
    {
        var id = CreateSegment(memberIds: Json(_contacts.Take(3)));

        _service.Update(new Entity(SegmentSchema.LogicalName, id) { [SegmentSchema.MemberIds] = Json(_contacts.Skip(5).Take(2), "crm") });

        Assert.Equal(_contacts.Skip(5).Take(2).OrderBy(c => c), _outbound.MembersOf(id));
    }

    [Fact]
    public void Include_and_exclude_change_the_set_and_rewrite_the_column()
    {
        var id = CreateSegment();

        Send(SegmentSchema.IncludeMembersMessage, id, Json(_contacts.Take(4), "crm"));
        Send(SegmentSchema.ExcludeMembersMessage, id, Json(_contacts.Take(2)));

        var expected = _contacts.Skip(2).Take(2).OrderBy(c => c).ToList();
        Assert.Equal(expected, _outbound.MembersOf(id));
        Assert.Equal(Json(expected, "crm"), MemberColumn(id));
    }

    [Fact]
    public void Including_a_member_again_or_excluding_a_non_member_is_a_no_op()
    {
        var id = CreateSegment(memberIds: Json(_contacts.Take(2)));

        Send(SegmentSchema.IncludeMembersMessage, id, Json(_contacts.Take(1)));
        Send(SegmentSchema.ExcludeMembersMessage, id, Json(_contacts.Skip(5).Take(1)));

        Assert.Equal(_contacts.Take(2).OrderBy(c => c), _outbound.MembersOf(id));
    }

    [Fact]
    public void The_singular_messages_take_one_id()
    {
        var id = CreateSegment();

        Send(SegmentSchema.IncludeMemberMessage, id, "crm" + _contacts[0]);
        Send(SegmentSchema.IncludeMemberMessage, id, _contacts[1].ToString());
        Send(SegmentSchema.ExcludeMemberMessage, id, _contacts[0].ToString());

        Assert.Equal(new[] { _contacts[1] }, _outbound.MembersOf(id));
    }

    [Fact]
    public void An_unknown_contact_rejects_the_whole_request()
    {
        var id = CreateSegment();

        var fault = TestOrganization.Fault(() => Send(SegmentSchema.IncludeMembersMessage, id, Json(new[] { _contacts[0], Guid.NewGuid() })));

        Assert.Equal(unchecked((int)0x80040217), fault.ErrorCode);
        Assert.Empty(_outbound.MembersOf(id));
    }

    [Fact]
    public void An_unparsable_id_or_segment_id_rejects_the_request()
    {
        var id = CreateSegment();

        TestOrganization.Fault(() => Send(SegmentSchema.IncludeMembersMessage, id, "[\"nope\"]"));
        TestOrganization.Fault(() => _service.Execute(new OrganizationRequest(SegmentSchema.IncludeMembersMessage)
        {
            [SegmentSchema.SegmentIdParameter] = "not-a-guid",
            [SegmentSchema.MemberIdsParameter] = Json(_contacts.Take(1)),
        }));
        Assert.Empty(_outbound.MembersOf(id));
    }

    [Fact]
    public void A_member_id_string_over_10000_characters_is_rejected()
    {
        var id = CreateSegment();
        var ids = Json(Enumerable.Repeat(_contacts[0], 300));

        Assert.True(ids.Length > 10_000);
        TestOrganization.Fault(() => Send(SegmentSchema.IncludeMembersMessage, id, ids));
        Assert.Empty(_outbound.MembersOf(id));
    }

    [Fact]
    public void A_missing_segment_is_rejected()
    {
        var missing = Guid.NewGuid();

        var fault = TestOrganization.Fault(() => Send(SegmentSchema.IncludeMembersMessage, missing, Json(_contacts.Take(1))));

        Assert.Equal($"msdyncrm_segment With Id = {missing} Does Not Exist", fault.Message);
    }

    [Fact]
    public void A_dynamic_segment_accepts_members_only_when_live_or_stopped()
    {
        var id = CreateSegment(SegmentSchema.TypeDynamic);

        TestOrganization.Fault(() => Send(SegmentSchema.IncludeMembersMessage, id, Json(_contacts.Take(1))));
        SetStatus(id, SegmentSchema.StatusLive);
        Send(SegmentSchema.IncludeMembersMessage, id, Json(_contacts.Take(1)));
        SetStatus(id, SegmentSchema.StatusStopped);
        Send(SegmentSchema.IncludeMembersMessage, id, Json(_contacts.Skip(1).Take(1)));

        Assert.Equal(2, _outbound.MembersOf(id).Count);
        Assert.Null(MemberColumn(id));
    }

    [Fact]
    public void Status_changes_follow_the_documented_transitions()
    {
        var id = CreateSegment();

        SetStatus(id, SegmentSchema.StatusLive);
        var backToDraft = TestOrganization.Fault(() => SetStatus(id, SegmentSchema.StatusDraft));
        SetStatus(id, SegmentSchema.StatusStopped);
        SetStatus(id, SegmentSchema.StatusExpired);

        Assert.Equal(-2147160050, backToDraft.ErrorCode);
        var segment = _service.Retrieve(SegmentSchema.LogicalName, id, new ColumnSet("statecode", "statuscode"));
        Assert.Equal(SegmentSchema.StateInactive, segment.GetAttributeValue<OptionSetValue>("statecode").Value);
        TestOrganization.Fault(() => SetStatus(id, SegmentSchema.StatusGoingLive));
    }

    [Fact]
    public void Deleting_a_contact_removes_it_from_every_member_set_and_column()
    {
        var first = CreateSegment(memberIds: Json(_contacts.Take(2)));
        var second = CreateSegment(memberIds: Json(_contacts.Take(1)));

        _service.Delete("contact", _contacts[0]);

        Assert.Equal(new[] { _contacts[1] }, _outbound.MembersOf(first));
        Assert.Empty(_outbound.MembersOf(second));
        Assert.Equal(Json(new[] { _contacts[1] }, "crm"), MemberColumn(first));
    }

    [Fact]
    public void A_rolled_back_request_leaves_the_member_set_unchanged()
    {
        var id = CreateSegment(memberIds: Json(_contacts.Take(1)));
        var requests = new OrganizationRequestCollection
        {
            new OrganizationRequest(SegmentSchema.IncludeMembersMessage) { [SegmentSchema.SegmentIdParameter] = id.ToString(), [SegmentSchema.MemberIdsParameter] = Json(_contacts.Skip(1).Take(3)) },
            new OrganizationRequest(SegmentSchema.ExcludeMembersMessage) { [SegmentSchema.SegmentIdParameter] = id.ToString(), [SegmentSchema.MemberIdsParameter] = Json(_contacts.Take(1)) },
            new UpdateRequest { Target = new Entity(SegmentSchema.LogicalName, Guid.NewGuid()) { [SegmentSchema.Name] = "missing" } },
        };

        TestOrganization.Fault(() => _service.Execute(new ExecuteTransactionRequest { Requests = requests }));

        Assert.Equal(new[] { _contacts[0] }, _outbound.MembersOf(id));
        Assert.Equal(Json(_contacts.Take(1)), MemberColumn(id));
    }

    [Fact]
    public void The_column_is_cleared_once_the_member_set_no_longer_fits_it()
    {
        var many = Enumerable.Range(0, 24_500).Select(_ => Guid.NewGuid()).ToList();
        _dataverse.Seed("contact", many.Select(c => new Entity("contact", c)));
        var id = CreateSegment(memberIds: Json(many.Take(23_500), "crm"));
        Assert.Equal(23_500, _outbound.MembersOf(id).Count);
        Assert.NotNull(MemberColumn(id));

        foreach (var chunk in many.Skip(23_500).Chunk(200)) Send(SegmentSchema.IncludeMembersMessage, id, Json(chunk));

        Assert.Equal(24_500, _outbound.MembersOf(id).Count);
        Assert.Null(MemberColumn(id));
    }

    [Fact]
    public void The_member_messages_are_counted_as_requests()
    {
        var id = CreateSegment();
        _dataverse.Requests.Reset();

        Send(SegmentSchema.IncludeMembersMessage, id, Json(_contacts.Take(2)));

        Assert.Equal(1, _dataverse.Requests.CountOf(SegmentSchema.IncludeMembersMessage));
        Assert.Equal(1, _dataverse.Requests.Total);
    }
}
