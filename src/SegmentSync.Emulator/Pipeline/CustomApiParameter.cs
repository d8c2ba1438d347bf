namespace SegmentSync.Emulator;

/// <summary>A Custom API request parameter or response property.</summary>
/// <param name="UniqueName">The name callers use in Parameters / Results.</param>
/// <param name="Type">The value type.</param>
/// <param name="IsOptional">Request parameters only: whether callers may omit it.</param>
public sealed record CustomApiParameter(string UniqueName, CustomApiFieldType Type, bool IsOptional = false);
