using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>One aggregate column of a FetchXML aggregate query: &lt;attribute name=".." aggregate=".." alias=".."/&gt;.</summary>
internal sealed record Aggregate(string? EntityAlias, string Attribute, XrmAggregateType Type, string Alias);
