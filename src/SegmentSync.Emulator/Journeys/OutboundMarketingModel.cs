namespace SegmentSync.Emulator.Journeys;

/// <summary>
/// Installs the outbound-marketing part of Customer Insights - Journeys: the contact and msdyncrm_segment tables
/// as documented, the allowed statuscode transitions, the member messages, and the member-set rules.
/// </summary>
public static class OutboundMarketingModel
{
    /// <summary>Registers the tables, rules and messages in <paramref name="dataverse"/> and returns the member-set view.</summary>
    public static OutboundMarketing Install(InMemoryDataverse dataverse)
    {
        System.ArgumentNullException.ThrowIfNull(dataverse);
        if (dataverse.Metadata.TryGetTable(ContactSchema.LogicalName) is null) dataverse.Metadata.AddTable(Contact());
        dataverse.Metadata.AddTable(Segment());
        var model = new OutboundMarketing(dataverse);
        dataverse.AddBehavior(new SegmentBehavior(model));
        dataverse.AddMessage(new MemberMessageExecutor(model, SegmentSchema.IncludeMembersMessage, include: true, single: false));
        dataverse.AddMessage(new MemberMessageExecutor(model, SegmentSchema.ExcludeMembersMessage, include: false, single: false));
        dataverse.AddMessage(new MemberMessageExecutor(model, SegmentSchema.IncludeMemberMessage, include: true, single: true));
        dataverse.AddMessage(new MemberMessageExecutor(model, SegmentSchema.ExcludeMemberMessage, include: false, single: true));
        return model;
    }

    /// <summary>contact: the columns SegmentSync and the tests need; statecode 0 Active (1), 1 Inactive (2).</summary>
    public static TableDefinition Contact()
    {
        return new TableDefinition(ContactSchema.LogicalName, ContactSchema.PrimaryId, ContactSchema.FullName, ContactSchema.EntitySetName)
            .String(ContactSchema.FullName, 160)
            .String(ContactSchema.FirstName, 50)
            .String(ContactSchema.LastName, 50)
            .String(ContactSchema.EmailAddress1, 100)
            .StateStatus((0, 1, true), (1, 2, true))
            .Index(ContactSchema.EmailAddress1);
    }

    /// <summary>msdyncrm_segment with every documented column, its statuses and its allowed transitions.</summary>
    public static TableDefinition Segment()
    {
        var table = new TableDefinition(SegmentSchema.LogicalName, SegmentSchema.PrimaryId, SegmentSchema.Name, SegmentSchema.EntitySetName)
            .String(SegmentSchema.Name, SegmentSchema.NameMaxLength, required: true)
            .Picklist(SegmentSchema.SegmentType, new[] { SegmentSchema.TypeDynamic, SegmentSchema.TypeStatic, SegmentSchema.TypeCompound }, defaultValue: SegmentSchema.TypeDynamic)
            .Memo(SegmentSchema.MemberIds, SegmentSchema.MemberIdsMaxLength)
            .Picklist(SegmentSchema.ExternalSource, new[] { SegmentSchema.ExternalSourceCustomerInsights })
            .String(SegmentSchema.ExternalSegmentUrl, SegmentSchema.ExternalSegmentUrlMaxLength)
            .Memo(SegmentSchema.Description, SegmentSchema.DescriptionMaxLength)
            .Integer(SegmentSchema.SegmentSize)
            .DateTime(SegmentSchema.LastUpdatedTime)
            .DateTime(SegmentSchema.LastEvaluationTime)
            .Boolean(SegmentSchema.IsLive)
            .Memo(SegmentSchema.SegmentQuery, SegmentSchema.SegmentQueryMaxLength)
            .StateStatus(
                (SegmentSchema.StateActive, SegmentSchema.StatusDraft, true),
                (SegmentSchema.StateActive, SegmentSchema.StatusLive, false),
                (SegmentSchema.StateActive, SegmentSchema.StatusStopped, false),
                (SegmentSchema.StateActive, SegmentSchema.StatusLiveEditable, false),
                (SegmentSchema.StateInactive, SegmentSchema.StatusExpired, true),
                (SegmentSchema.StateActive, SegmentSchema.StatusError, false),
                (SegmentSchema.StateActive, SegmentSchema.StatusGoingLive, false),
                (SegmentSchema.StateActive, SegmentSchema.StatusStopping, false));
        return table
            .AllowStatusTransitions(SegmentSchema.StatusDraft, SegmentSchema.StatusGoingLive, SegmentSchema.StatusLive, SegmentSchema.StatusExpired)
            .AllowStatusTransitions(SegmentSchema.StatusLive, SegmentSchema.StatusStopping, SegmentSchema.StatusStopped, SegmentSchema.StatusGoingLive, SegmentSchema.StatusLiveEditable, SegmentSchema.StatusError)
            .AllowStatusTransitions(SegmentSchema.StatusStopped, SegmentSchema.StatusExpired, SegmentSchema.StatusGoingLive)
            .AllowStatusTransitions(SegmentSchema.StatusLiveEditable, SegmentSchema.StatusLive, SegmentSchema.StatusError, SegmentSchema.StatusGoingLive)
            .AllowStatusTransitions(SegmentSchema.StatusError, SegmentSchema.StatusGoingLive, SegmentSchema.StatusStopping)
            .AllowStatusTransitions(SegmentSchema.StatusGoingLive, SegmentSchema.StatusLive, SegmentSchema.StatusError)
            .AllowStatusTransitions(SegmentSchema.StatusStopping, SegmentSchema.StatusStopped, SegmentSchema.StatusError);
    }
}
