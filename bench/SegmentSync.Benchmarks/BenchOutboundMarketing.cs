using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Emulator;
using SegmentSync.Emulator.Journeys;

namespace SegmentSync.Benchmarks;

/// <summary>
/// The benchmark's copy of the emulator's outbound-marketing model (src/SegmentSync.Emulator/Journeys): the same
/// tables (taken from <see cref="OutboundMarketingModel"/>), the same four member messages with the same checks and
/// faults, the same member-set rules, with one difference: after a member message changes a static segment, the
/// emulator serializes the whole member set (sorted) and only then finds it too long for msdyncrm_segmentmemberids;
/// this copy checks the length first (42 characters an id + 1), so a change to a big segment costs O(ids changed)
/// instead of O(members log members). The column ends up with exactly the same value either way.
/// </summary>
/// <remarks>
/// It exists only because the emulator's version makes a 1,000,000-member import take tens of minutes (see
/// docs/PERFORMANCE.md, "Emulator hot spots"); <c>--journeys emulator</c> runs the benchmark on the emulator's own model.
/// </remarks>
public sealed class BenchOutboundMarketing : IPlatformBehavior
{
    private readonly Dictionary<Guid, HashSet<Guid>> _members = new();

    private BenchOutboundMarketing()
    {
    }

    public static BenchOutboundMarketing Install(InMemoryDataverse dataverse)
    {
        if (dataverse.Metadata.TryGetTable(ContactSchema.LogicalName) is null)
        {
            dataverse.Metadata.AddTable(OutboundMarketingModel.Contact());
        }

        dataverse.Metadata.AddTable(OutboundMarketingModel.Segment());
        var model = new BenchOutboundMarketing();
        dataverse.AddBehavior(model);
        dataverse.AddMessage(new MemberMessage(model, SegmentSchema.IncludeMembersMessage, include: true, single: false));
        dataverse.AddMessage(new MemberMessage(model, SegmentSchema.ExcludeMembersMessage, include: false, single: false));
        dataverse.AddMessage(new MemberMessage(model, SegmentSchema.IncludeMemberMessage, include: true, single: true));
        dataverse.AddMessage(new MemberMessage(model, SegmentSchema.ExcludeMemberMessage, include: false, single: true));
        return model;
    }

    /// <summary>Length of <see cref="MemberIdList.Serialize"/> for <paramref name="count"/> ids: ["crm&lt;36&gt;",...].</summary>
    public static long SerializedLength(long count) => count == 0 ? 2 : 42 * count + 1;

    public int CountOf(Guid segmentId) => _members.TryGetValue(segmentId, out var set) ? set.Count : 0;

    public IReadOnlyCollection<Guid> MembersOf(Guid segmentId) => _members.TryGetValue(segmentId, out var set) ? set : Array.Empty<Guid>();

    public void AfterCreate(TableDefinition table, Entity target, MessageContext context)
    {
        if (table.LogicalName == SegmentSchema.LogicalName)
        {
            ApplyMemberIds(target, context);
        }
    }

    public void AfterUpdate(TableDefinition table, Entity target, Entity before, MessageContext context)
    {
        if (table.LogicalName == SegmentSchema.LogicalName)
        {
            ApplyMemberIds(target, context);
        }
    }

    public void AfterDelete(TableDefinition table, EntityReference deleted, MessageContext context)
    {
        if (table.LogicalName == SegmentSchema.LogicalName)
        {
            if (_members.Remove(deleted.Id, out var old))
            {
                context.OnRollback(() => _members[deleted.Id] = old);
            }

            return;
        }

        if (table.LogicalName != ContactSchema.LogicalName)
        {
            return;
        }

        foreach (var segmentId in _members.Where(kv => kv.Value.Contains(deleted.Id)).Select(kv => kv.Key).ToList())
        {
            Change(segmentId, new[] { deleted.Id }, include: false, context);
            if (Describe(context, segmentId) is { Type: SegmentSchema.TypeStatic })
            {
                RewriteColumn(context, segmentId);
            }
        }
    }

    private void ApplyMemberIds(Entity target, MessageContext context)
    {
        if (!target.Attributes.TryGetValue(SegmentSchema.MemberIds, out var value))
        {
            return;
        }

        if (Describe(context, target.Id) is not { Type: SegmentSchema.TypeStatic })
        {
            return;
        }

        var members = value is string json && json.Length > 0 ? ParseExistingContacts(context, json) : Array.Empty<Guid>();
        var old = _members.TryGetValue(target.Id, out var existing) ? existing : null;
        _members[target.Id] = new HashSet<Guid>(members);
        context.OnRollback(() =>
        {
            if (old is null)
            {
                _members.Remove(target.Id);
            }
            else
            {
                _members[target.Id] = old;
            }
        });
    }

    private HashSet<Guid> Set(Guid segmentId)
    {
        if (!_members.TryGetValue(segmentId, out var set))
        {
            _members[segmentId] = set = new HashSet<Guid>();
        }

        return set;
    }

    private int Change(Guid segmentId, IEnumerable<Guid> contacts, bool include, MessageContext context)
    {
        var set = Set(segmentId);
        var changed = contacts.Distinct().Where(id => include ? set.Add(id) : set.Remove(id)).ToList();
        if (changed.Count > 0)
        {
            context.OnRollback(() =>
            {
                foreach (var id in changed)
                {
                    if (include)
                    {
                        set.Remove(id);
                    }
                    else
                    {
                        set.Add(id);
                    }
                }
            });
        }

        return changed.Count;
    }

    // The one difference from the emulator: the length is known from the count, so a list that cannot fit is never built.
    private void RewriteColumn(MessageContext context, Guid segmentId)
    {
        var set = Set(segmentId);
        var text = SerializedLength(set.Count) <= SegmentSchema.MemberIdsMaxLength ? MemberIdList.Serialize(set) : null;
        context.Write(SegmentSchema.LogicalName, segmentId, new Entity(SegmentSchema.LogicalName, segmentId) { [SegmentSchema.MemberIds] = text });
    }

    private static (int? Type, int Status)? Describe(MessageContext context, Guid segmentId)
    {
        var segment = context.Find(SegmentSchema.LogicalName, segmentId, new ColumnSet(SegmentSchema.SegmentType, TableDefinition.StatusCode));
        if (segment is null)
        {
            return null;
        }

        return (segment.GetAttributeValue<OptionSetValue>(SegmentSchema.SegmentType)?.Value, segment.GetAttributeValue<OptionSetValue>(TableDefinition.StatusCode).Value);
    }

    private static IReadOnlyList<Guid> ParseExistingContacts(MessageContext context, string json)
    {
        var ids = MemberIdList.Parse(json, out var error);
        if (error is not null)
        {
            throw DataverseFault.InvalidArgument(error);
        }

        RequireContacts(context, ids);
        return ids;
    }

    private static void RequireContacts(MessageContext context, IEnumerable<Guid> ids)
    {
        var missing = ids.Where(id => !context.Exists(ContactSchema.LogicalName, id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        throw DataverseFault.Create(
            ErrorCodes.ObjectDoesNotExist,
            $"{ContactSchema.LogicalName} With Id = {missing[0]} Does Not Exist" + (missing.Count > 1 ? $" (and {missing.Count - 1} more: {string.Join(", ", missing.Skip(1).Take(20))})" : string.Empty));
    }

    private sealed class MemberMessage : IMessageExecutor
    {
        private readonly BenchOutboundMarketing _model;
        private readonly bool _include;
        private readonly bool _single;

        public MemberMessage(BenchOutboundMarketing model, string messageName, bool include, bool single)
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

            if (!Guid.TryParse(segmentText, out var segmentId))
            {
                throw DataverseFault.InvalidArgument($"'{segmentText}' is not a segment id.");
            }

            var segment = Describe(context, segmentId) ?? throw DataverseFault.DoesNotExist(SegmentSchema.LogicalName, segmentId);
            IReadOnlyList<Guid> contacts;
            if (_single)
            {
                if (!MemberIdList.TryParseId(memberText, out var id))
                {
                    throw DataverseFault.InvalidArgument($"'{memberText}' is not a contact id.");
                }

                RequireContacts(context, new[] { id });
                contacts = new[] { id };
            }
            else
            {
                contacts = ParseExistingContacts(context, memberText);
            }

            if (segment.Type is SegmentSchema.TypeDynamic or SegmentSchema.TypeCompound
                && segment.Status is not (SegmentSchema.StatusLive or SegmentSchema.StatusStopped))
            {
                throw DataverseFault.Create(
                    ErrorCodes.InvalidState,
                    $"{MessageName} needs a dynamic or compound segment to be Live or Stopped; segment {segmentId} has status {segment.Status}.");
            }

            var changed = _model.Change(segmentId, contacts, _include, context);
            if (changed > 0 && segment.Type == SegmentSchema.TypeStatic)
            {
                _model.RewriteColumn(context, segmentId);
            }

            return new OrganizationResponse { ResponseName = MessageName };
        }
    }
}
