using System;

namespace SegmentSync.Emulator;

/// <summary>Who runs a query: operators like EqualUserId compare against these.</summary>
internal sealed record QueryContext(Guid UserId, Guid BusinessUnitId);
