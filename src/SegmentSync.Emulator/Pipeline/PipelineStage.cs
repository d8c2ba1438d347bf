namespace SegmentSync.Emulator;

/// <summary>The event pipeline stages, with Dataverse's numbers (IPluginExecutionContext.Stage).</summary>
public enum PipelineStage
{
    /// <summary>10: before validation, outside the database transaction for a top-level request.</summary>
    PreValidation = 10,

    /// <summary>20: inside the transaction, before the main operation.</summary>
    PreOperation = 20,

    /// <summary>30: the main operation (Custom API plug-ins run here).</summary>
    MainOperation = 30,

    /// <summary>40: inside the transaction after the main operation (synchronous), or after the commit (asynchronous).</summary>
    PostOperation = 40,
}
