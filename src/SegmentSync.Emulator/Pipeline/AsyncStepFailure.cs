using System;

namespace SegmentSync.Emulator;

/// <summary>An asynchronous step that failed: in Dataverse its system job fails; the caller never sees it.</summary>
/// <param name="PluginName">The step name or plug-in type.</param>
/// <param name="MessageName">The message that queued the job.</param>
/// <param name="PrimaryEntityId">The record the message was about.</param>
/// <param name="Error">The fault the job failed with.</param>
public sealed record AsyncStepFailure(string PluginName, string MessageName, Guid PrimaryEntityId, Exception Error);
