using System.Collections.Generic;

namespace SegmentSync.Emulator;

/// <summary>An alternate key: a set of columns whose values are unique across the table's records.</summary>
/// <param name="Name">The key's logical name.</param>
/// <param name="Attributes">The key's columns.</param>
public sealed record AlternateKeyDefinition(string Name, IReadOnlyList<string> Attributes);
