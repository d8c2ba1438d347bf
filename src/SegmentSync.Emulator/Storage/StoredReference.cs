using System;

namespace SegmentSync.Emulator;

/// <summary>A lookup value as stored: immutable, so rows can share it; reads turn it into a fresh EntityReference.</summary>
internal sealed record StoredReference(string LogicalName, Guid Id);
