using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator.Journeys;

/// <summary>
/// What the platform does around msdyncrm_segment and contact writes (our documented assumptions): writing
/// msdyncrm_segmentmemberids on a static segment replaces its member set (ids validated, unknown contacts
/// rejected); deleting a segment drops its set; deleting a contact removes it from every set.
/// </summary>
internal sealed class SegmentBehavior : IPlatformBehavior
{
    private readonly OutboundMarketing _model;

    public SegmentBehavior(OutboundMarketing model)
    {
        _model = model;
    }

    public void AfterCreate(TableDefinition table, Entity target, MessageContext context)
    {
        if (table.LogicalName == SegmentSchema.LogicalName) ApplyMemberIds(target, context);
    }

    public void AfterUpdate(TableDefinition table, Entity target, Entity before, MessageContext context)
    {
        if (table.LogicalName == SegmentSchema.LogicalName) ApplyMemberIds(target, context);
    }

    public void AfterDelete(TableDefinition table, EntityReference deleted, MessageContext context)
    {
        if (table.LogicalName == SegmentSchema.LogicalName)
        {
            _model.Drop(deleted.Id, context.OnRollback);
            return;
        }

        if (table.LogicalName != ContactSchema.LogicalName) return;
        foreach (var segmentId in _model.RemoveEverywhere(deleted.Id, context.OnRollback))
        {
            if (SegmentMembers.Describe(context, segmentId) is { Type: SegmentSchema.TypeStatic }) SegmentMembers.RewriteColumn(context, _model, segmentId);
        }
    }

    private void ApplyMemberIds(Entity target, MessageContext context)
    {
        if (!target.Attributes.TryGetValue(SegmentSchema.MemberIds, out var value)) return;
        if (SegmentMembers.Describe(context, target.Id) is not { Type: SegmentSchema.TypeStatic }) return;
        var members = value is string json && json.Length > 0 ? SegmentMembers.ParseExistingContacts(context, json) : System.Array.Empty<System.Guid>();
        _model.Replace(target.Id, members, context.OnRollback);
    }
}
