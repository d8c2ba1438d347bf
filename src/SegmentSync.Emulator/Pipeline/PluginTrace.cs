using System;

namespace SegmentSync.Emulator;

/// <summary>One plug-in execution's trace, like a plug-in trace log row.</summary>
/// <param name="PluginName">The step name or plug-in type.</param>
/// <param name="MessageName">The message.</param>
/// <param name="PrimaryEntityName">The table, or "none".</param>
/// <param name="Stage">10, 20, 30 or 40.</param>
/// <param name="Mode">0 synchronous, 1 asynchronous.</param>
/// <param name="Depth">The execution depth.</param>
/// <param name="CorrelationId">Shared by everything one top-level request caused.</param>
/// <param name="Text">What the plug-in wrote to ITracingService.</param>
/// <param name="Error">The exception the plug-in threw, if any.</param>
public sealed record PluginTrace(
    string PluginName, string MessageName, string PrimaryEntityName, int Stage, int Mode, int Depth, Guid CorrelationId, string Text, Exception? Error);
