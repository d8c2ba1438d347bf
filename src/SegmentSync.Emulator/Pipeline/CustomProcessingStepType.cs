namespace SegmentSync.Emulator;

/// <summary>Which plug-in steps other than the Custom API's own plug-in may be registered on it (Dataverse's codes).</summary>
public enum CustomProcessingStepType
{
    /// <summary>0: none.</summary>
    None = 0,

    /// <summary>1: asynchronous steps only.</summary>
    AsyncOnly = 1,

    /// <summary>2: synchronous and asynchronous steps.</summary>
    SyncAndAsync = 2,
}
