namespace SegmentSync.Emulator.Journeys;

/// <summary>
/// Installs real-time journeys segments: msdynmkt_segmentdefinition and msdynmkt_segment as documented, the static
/// member messages with their limits, and the group rules.
/// </summary>
public static class RealTimeJourneysModel
{
    public static RealTimeJourneys Install(InMemoryDataverse dataverse)
    {
        System.ArgumentNullException.ThrowIfNull(dataverse);
        if (dataverse.Metadata.TryGetTable(ContactSchema.LogicalName) is null) dataverse.Metadata.AddTable(OutboundMarketingModel.Contact());
        dataverse.Metadata.AddTable(Definition());
        dataverse.Metadata.AddTable(Segment());
        var model = new RealTimeJourneys(dataverse);
        dataverse.AddBehavior(new RealTimeBehavior(model));
        dataverse.AddMessage(new StaticMembersExecutor(model, add: true));
        dataverse.AddMessage(new StaticMembersExecutor(model, add: false));
        dataverse.AddMessage(new ListGroupMembersExecutor(model));
        dataverse.AddMessage(new PublishDefinitionExecutor(model));
        return model;
    }

    public static TableDefinition Definition() =>
        new TableDefinition(RealTimeSchema.Definition, RealTimeSchema.DefinitionId, RealTimeSchema.DefinitionName, RealTimeSchema.DefinitionSet)
            .String(RealTimeSchema.DefinitionName, 200, required: true)
            .Memo(RealTimeSchema.StaticListMembers, 1048576)
            .Memo(RealTimeSchema.SegmentQuery, 1048576)
            .Boolean(RealTimeSchema.DisableRefresh, false)
            .Integer(RealTimeSchema.RefreshInterval, 0)
            .DateTime(RealTimeSchema.SourceCreatedOn)
            .String(RealTimeSchema.SourceCreatedBy, 200)
            .StateStatus(
                (0, RealTimeSchema.StatusDraft, true),
                (0, RealTimeSchema.StatusLive, false),
                (0, RealTimeSchema.StatusGoingLive, false),
                (1, RealTimeSchema.StatusDeleted, true));

    public static TableDefinition Segment() =>
        new TableDefinition(RealTimeSchema.Segment, RealTimeSchema.SegmentId, RealTimeSchema.DisplayName, RealTimeSchema.SegmentSet)
            .String(RealTimeSchema.DisplayName, 200, required: true)
            .Picklist(RealTimeSchema.Type, new[] { RealTimeSchema.TypeStatic, RealTimeSchema.TypeDynamic })
            .Picklist(RealTimeSchema.Source, new[] { RealTimeSchema.SourceJourneys })
            .String(RealTimeSchema.BaseEntity, 100)
            .String(RealTimeSchema.SourceSegmentUid, 100)
            .StateStatus((0, 1, true), (0, 3, false), (0, 5, false), (1, 2, true), (1, 4, false))
            .Index(RealTimeSchema.SourceSegmentUid);
}
