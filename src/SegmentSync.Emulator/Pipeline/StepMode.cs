namespace SegmentSync.Emulator;

/// <summary>A step's execution mode, with Dataverse's numbers (IPluginExecutionContext.Mode).</summary>
public enum StepMode
{
    /// <summary>0: runs inside the request.</summary>
    Synchronous = 0,

    /// <summary>1: runs as a system job after the transaction commits (the emulator runs it right after, in process).</summary>
    Asynchronous = 1,
}
