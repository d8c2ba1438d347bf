using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator.Journeys;

/// <summary>
/// What the platform does around real-time segment writes (assumed): msdynmkt_staticlistmembers is validated (a JSON
/// array of at most 10 groups with unique GUID ids and Include/Exclude) and tracked; deleting a definition drops its
/// groups; deleting a contact removes it from every group.
/// </summary>
internal sealed class RealTimeBehavior : IPlatformBehavior
{
    private readonly RealTimeJourneys _model;

    public RealTimeBehavior(RealTimeJourneys model) => _model = model;

    public void AfterCreate(TableDefinition table, Entity target, MessageContext context)
    {
        if (table.LogicalName == RealTimeSchema.Definition) Declare(target, context);
    }

    public void AfterUpdate(TableDefinition table, Entity target, Entity before, MessageContext context)
    {
        if (table.LogicalName == RealTimeSchema.Definition) Declare(target, context);
    }

    public void AfterDelete(TableDefinition table, EntityReference deleted, MessageContext context)
    {
        if (table.LogicalName == RealTimeSchema.Definition) _model.Drop(deleted.Id, context.OnRollback);
        else if (table.LogicalName == ContactSchema.LogicalName) _model.RemoveEverywhere(deleted.Id, context.OnRollback);
    }

    private void Declare(Entity target, MessageContext context)
    {
        if (!target.Attributes.TryGetValue(RealTimeSchema.StaticListMembers, out var value)) return;
        var declarations = GroupDeclaration.Parse(value as string, out var error);
        if (error is not null) throw DataverseFault.InvalidArgument(error);
        _model.Declare(target.Id, declarations, context.OnRollback);
    }
}
