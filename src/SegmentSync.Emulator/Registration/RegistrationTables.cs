namespace SegmentSync.Emulator;

/// <summary>
/// Dataverse's plug-in registration tables as the emulator models them: messages, their per-table filters, plug-in
/// types, and steps. Writing a step record registers (or changes, or removes) the step, as in Dataverse.
/// </summary>
public static class RegistrationTables
{
    public const string Message = "sdkmessage";
    public const string MessageId = "sdkmessageid";

    public const string MessageFilter = "sdkmessagefilter";
    public const string MessageFilterId = "sdkmessagefilterid";
    public const string PrimaryObjectTypeCode = "primaryobjecttypecode";

    /// <summary>False: the platform refuses custom steps on this message and table (true for every filter the catalog lists).</summary>
    public const string CustomStepsAllowed = "iscustomprocessingstepallowed";

    /// <summary>primaryobjecttypecode of the filter of a message not bound to a table.</summary>
    public const string NoEntity = "none";

    public const string PluginType = "plugintype";
    public const string PluginTypeId = "plugintypeid";
    public const string TypeName = "typename";
    public const string AssemblyName = "assemblyname";

    public const string Step = "sdkmessageprocessingstep";
    public const string StepId = "sdkmessageprocessingstepid";
    public const string EventHandler = "eventhandler";
    public const string Stage = "stage";
    public const string Mode = "mode";
    public const string Rank = "rank";
    public const string FilteringAttributes = "filteringattributes";
    public const string Configuration = "configuration";
    public const string SupportedDeployment = "supporteddeployment";
    public const string AsyncAutoDelete = "asyncautodelete";

    /// <summary>The privileges writing a step needs; System Administrator and System Customizer hold them.</summary>
    public const string CreateStepPrivilege = "prvCreateSdkMessageProcessingStep";
    public const string WriteStepPrivilege = "prvWriteSdkMessageProcessingStep";
    public const string DeleteStepPrivilege = "prvDeleteSdkMessageProcessingStep";

    /// <summary>The messages whose steps are registered per table (the others are registered with the filter "none").</summary>
    internal static readonly string[] TableMessages = ["Create", "Update", "Delete", "Retrieve", "RetrieveMultiple", "Upsert", "Associate", "Disassociate"];

    internal static void AddTo(MetadataRegistry metadata)
    {
        metadata.AddTable(new TableDefinition(Message, MessageId, "name", "sdkmessages")
            .String("name", 256, required: true)
            .Index("name"));
        metadata.AddTable(new TableDefinition(MessageFilter, MessageFilterId, "name", "sdkmessagefilters")
            .Lookup(MessageId, Message)
            .String(PrimaryObjectTypeCode, 128, required: true)
            .Boolean(CustomStepsAllowed, true)
            .Index(MessageId));
        metadata.AddTable(new TableDefinition(PluginType, PluginTypeId, "name", "plugintypes")
            .String(TypeName, 256, required: true)
            .String(AssemblyName, 100, required: true)
            .Index(TypeName));
        metadata.AddTable(new TableDefinition(Step, StepId, "name", "sdkmessageprocessingsteps")
            .Memo("description", 256)
            .Lookup(EventHandler, PluginType)
            .Lookup(MessageId, Message)
            .Lookup(MessageFilterId, MessageFilter)
            .Picklist(Stage, [10, 20, 30, 40, 50], required: true)
            .Picklist(Mode, [0, 1], defaultValue: 0)
            .Integer(Rank, 1, 2147483647)
            .Memo(FilteringAttributes, 100000)
            .Memo(Configuration, 1073741823)
            .Picklist(SupportedDeployment, [0, 1, 2], defaultValue: 0)
            .Boolean(AsyncAutoDelete, false)
            .StateStatus((0, 1, true), (1, 2, true))
            .Index(EventHandler));
    }
}
