using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator.Journeys;

/// <summary>Rules shared by the segment behaviour and the member messages: reading a segment, validating ids, rewriting the column.</summary>
internal static class SegmentMembers
{
    /// <summary>The segment's type and status, or null when it does not exist.</summary>
    public static (int? Type, int Status)? Describe(MessageContext context, Guid segmentId)
    {
        var segment = context.Find(SegmentSchema.LogicalName, segmentId, new ColumnSet(SegmentSchema.SegmentType, TableDefinition.StatusCode));
        if (segment is null) return null;
        return (segment.GetAttributeValue<OptionSetValue>(SegmentSchema.SegmentType)?.Value, segment.GetAttributeValue<OptionSetValue>(TableDefinition.StatusCode).Value);
    }

    /// <summary>Parses a member-id JSON array and checks every id is an existing contact; a fault otherwise.</summary>
    public static IReadOnlyList<Guid> ParseExistingContacts(MessageContext context, string json)
    {
        var ids = MemberIdList.Parse(json, out var error);
        if (error is not null) throw DataverseFault.InvalidArgument(error);
        RequireContacts(context, ids);
        return ids;
    }

    /// <summary>Every id must be a contact that exists; a fault naming the missing ones otherwise.</summary>
    public static void RequireContacts(MessageContext context, IEnumerable<Guid> ids)
    {
        var missing = ids.Where(id => !context.Exists(ContactSchema.LogicalName, id)).Distinct().ToList();
        if (missing.Count == 0) return;
        throw DataverseFault.Create(
            ErrorCodes.ObjectDoesNotExist,
            $"{ContactSchema.LogicalName} With Id = {missing[0]} Does Not Exist" + (missing.Count > 1 ? $" (and {missing.Count - 1} more: {string.Join(", ", missing.Skip(1).Take(20))})" : string.Empty));
    }

    /// <summary>
    /// Writes the member set back to msdyncrm_segmentmemberids (our assumption: the column holds the static list
    /// only while it fits its 1,000,000 characters; beyond that it is cleared).
    /// </summary>
    public static void RewriteColumn(MessageContext context, OutboundMarketing model, Guid segmentId)
    {
        // The length is known from the count ("crm"-prefixed, quoted, comma-separated): a big segment's list is never
        // built only to be found too long.
        var members = model.Set(segmentId);
        var length = members.Count == 0 ? 2L : 2L + members.Count * 42L - 1;
        var changes = new Entity(SegmentSchema.LogicalName, segmentId)
        {
            [SegmentSchema.MemberIds] = length <= SegmentSchema.MemberIdsMaxLength ? MemberIdList.Serialize(members) : null,
        };
        context.Write(SegmentSchema.LogicalName, segmentId, changes);
    }
}
