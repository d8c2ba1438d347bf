using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator.Journeys;

/// <summary>
/// msdyncrm_IncludeMembersInSegment / msdyncrm_ExcludeMembersFromSegment (JSON array of ids) and their singular
/// forms (one id). The whole request is rejected, nothing changed, when the member-id string exceeds 10,000
/// characters, an id is unparsable or not an existing contact, the segment does not exist, or a dynamic/compound
/// segment is neither Live nor Stopped. Including a member or excluding a non-member is a no-op. The real service
/// processes these asynchronously; the emulator applies them at once (assumption).
/// </summary>
internal sealed class MemberMessageExecutor : IMessageExecutor
{
    private readonly OutboundMarketing _model;
    private readonly bool _include;
    private readonly bool _single;

    public MemberMessageExecutor(OutboundMarketing model, string messageName, bool include, bool single)
    {
        _model = model;
        MessageName = messageName;
        _include = include;
        _single = single;
    }

    public string MessageName { get; }

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var segmentText = RequestParameters.Required<string>(request, SegmentSchema.SegmentIdParameter);
        var memberText = RequestParameters.Required<string>(request, _single ? SegmentSchema.MemberIdParameter : SegmentSchema.MemberIdsParameter);
        if (memberText.Length > SegmentSchema.MemberIdsParameterMaxLength)
        {
            throw DataverseFault.InvalidArgument(
                $"The member id string has {memberText.Length} characters; {MessageName} accepts at most {SegmentSchema.MemberIdsParameterMaxLength}.");
        }

        if (!Guid.TryParse(segmentText, out var segmentId)) throw DataverseFault.InvalidArgument($"'{segmentText}' is not a segment id.");
        var segment = SegmentMembers.Describe(context, segmentId) ?? throw DataverseFault.DoesNotExist(SegmentSchema.LogicalName, segmentId);
        var contacts = Contacts(context, memberText);
        RequireUsableState(segment.Type, segment.Status, segmentId);
        var changed = _model.Change(segmentId, contacts, _include, context.OnRollback);
        if (changed > 0 && segment.Type == SegmentSchema.TypeStatic) SegmentMembers.RewriteColumn(context, _model, segmentId);
        return new OrganizationResponse { ResponseName = MessageName };
    }

    private IReadOnlyList<Guid> Contacts(MessageContext context, string memberText)
    {
        if (!_single) return SegmentMembers.ParseExistingContacts(context, memberText);
        if (!MemberIdList.TryParseId(memberText, out var id)) throw DataverseFault.InvalidArgument($"'{memberText}' is not a contact id.");
        SegmentMembers.RequireContacts(context, new[] { id });
        return new[] { id };
    }

    private void RequireUsableState(int? type, int status, Guid segmentId)
    {
        if (type is not (SegmentSchema.TypeDynamic or SegmentSchema.TypeCompound)) return;
        if (status is SegmentSchema.StatusLive or SegmentSchema.StatusStopped) return;
        throw DataverseFault.Create(
            ErrorCodes.InvalidState,
            $"{MessageName} needs a dynamic or compound segment to be Live or Stopped; segment {segmentId} has status {status}.");
    }
}
