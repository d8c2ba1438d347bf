using System;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>A result entity with the primary key it came from (the paging cookie needs it even when Distinct hides it).</summary>
internal sealed record ProjectedRow(Guid Id, Entity Entity);
