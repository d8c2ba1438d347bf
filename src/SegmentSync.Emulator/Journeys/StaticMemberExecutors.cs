using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator.Journeys;

/// <summary>
/// msdynmkt_AddStaticMembers / msdynmkt_RemoveStaticMembers { SegmentId, GroupId, EntityIds }: at most 1,000 ids a
/// request; a group holds at most 200,000 ids; the group must be declared by the definition; added ids must be
/// existing contacts (the base entity). Any violation rejects the whole request. Applied at once (assumed).
/// </summary>
internal sealed class StaticMembersExecutor : IMessageExecutor
{
    private readonly RealTimeJourneys _model;
    private readonly bool _add;

    public StaticMembersExecutor(RealTimeJourneys model, bool add)
    {
        _model = model;
        _add = add;
        MessageName = add ? RealTimeSchema.AddStaticMembers : RealTimeSchema.RemoveStaticMembers;
    }

    public string MessageName { get; }

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var (definitionId, groupId) = StaticGroups.Locate(_model, request, context);
        var texts = RequestParameters.Required<string[]>(request, "EntityIds");
        if (texts.Length > RealTimeSchema.IdsPerRequest)
            throw DataverseFault.InvalidArgument($"{MessageName} accepts at most {RealTimeSchema.IdsPerRequest} EntityIds; got {texts.Length}.");
        var ids = texts.Select(t => Guid.TryParse(t, out var id) ? id : throw DataverseFault.InvalidArgument($"'{t}' is not an entity id.")).ToList();
        if (_add)
        {
            SegmentMembers.RequireContacts(context, ids);
            var group = _model.Group(definitionId, groupId);
            var after = group.Count + ids.Distinct().Count(id => !group.Contains(id));
            if (after > RealTimeSchema.GroupCapacity)
                throw DataverseFault.InvalidArgument($"A static member group holds at most {RealTimeSchema.GroupCapacity} ids; group {groupId} would hold {after}.");
        }

        _model.Change(definitionId, groupId, ids, _add, context.OnRollback);
        return new OrganizationResponse { ResponseName = MessageName };
    }
}

/// <summary>msdynmkt_ListGroupMembers { SegmentId, GroupId, PageNo, PageSize } -> { Response: JSON text with entityIds }.</summary>
internal sealed class ListGroupMembersExecutor : IMessageExecutor
{
    private readonly RealTimeJourneys _model;

    public ListGroupMembersExecutor(RealTimeJourneys model) => _model = model;

    public string MessageName => RealTimeSchema.ListGroupMembers;

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var (definitionId, groupId) = StaticGroups.Locate(_model, request, context);
        var pageNo = RequestParameters.Required<int>(request, "PageNo");
        var pageSize = RequestParameters.Required<int>(request, "PageSize");
        if (pageNo < 1 || pageSize < 1 || pageSize > RealTimeSchema.MaxPageSize)
            throw DataverseFault.InvalidArgument($"PageNo must be at least 1 and PageSize from 1 to {RealTimeSchema.MaxPageSize}.");
        var page = _model.Sorted(definitionId, groupId).Skip((pageNo - 1) * pageSize).Take(pageSize).Select(id => id.ToString("D")).ToList();
        var json = JsonSerializer.Serialize(new { entityIds = page, additionalProperties = new { } });
        var response = new OrganizationResponse { ResponseName = MessageName };
        response.Results["Response"] = json;
        return response;
    }
}

/// <summary>msdynmkt_PublishSegmentDefinition { SegmentId }: the definition goes Live (at once, in the emulator).</summary>
internal sealed class PublishDefinitionExecutor : IMessageExecutor
{
    private readonly RealTimeJourneys _model;

    public PublishDefinitionExecutor(RealTimeJourneys model) => _model = model;

    public string MessageName => RealTimeSchema.PublishSegmentDefinition;

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var definitionId = StaticGroups.DefinitionId(request, context);
        context.Write(RealTimeSchema.Definition, definitionId, new Entity(RealTimeSchema.Definition, definitionId)
        {
            [TableDefinition.StateCode] = new OptionSetValue(0),
            [TableDefinition.StatusCode] = new OptionSetValue(RealTimeSchema.StatusLive),
        });
        _model.Published(definitionId, context.OnRollback);
        return new OrganizationResponse { ResponseName = MessageName };
    }
}

internal static class StaticGroups
{
    public static Guid DefinitionId(OrganizationRequest request, MessageContext context)
    {
        var text = RequestParameters.Required<string>(request, "SegmentId");
        if (!Guid.TryParse(text, out var id)) throw DataverseFault.InvalidArgument($"'{text}' is not a segment id.");
        if (context.Find(RealTimeSchema.Definition, id, new ColumnSet(RealTimeSchema.DefinitionId)) is null)
            throw DataverseFault.DoesNotExist(RealTimeSchema.Definition, id);
        return id;
    }

    public static (Guid Definition, Guid Group) Locate(RealTimeJourneys model, OrganizationRequest request, MessageContext context)
    {
        var definitionId = DefinitionId(request, context);
        var text = RequestParameters.Required<string>(request, "GroupId");
        if (!Guid.TryParse(text, out var groupId) || model.Declarations(definitionId).All(g => g.Id != groupId))
            throw DataverseFault.InvalidArgument($"Group '{text}' is not a static member group of segment {definitionId}.");
        return (definitionId, groupId);
    }
}
