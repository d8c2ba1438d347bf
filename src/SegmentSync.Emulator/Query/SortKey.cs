
namespace SegmentSync.Emulator;

/// <summary>One ORDER BY term: which entity (alias; null = primary), which column, which direction.</summary>
internal sealed record SortKey(string? Alias, ColumnDefinition Column, bool Descending);
