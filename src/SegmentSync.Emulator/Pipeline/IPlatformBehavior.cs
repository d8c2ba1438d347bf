using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// Platform logic that belongs to a table rather than to a plug-in (what Microsoft's own solutions do inside the
/// main operation): it runs inside the transaction right after Create, Update or Delete wrote the row, so throwing
/// rejects the request and rolls it back. Models such as the Journeys one use it.
/// </summary>
public interface IPlatformBehavior
{
    /// <summary>After a record was created; <paramref name="target"/> carries the new id.</summary>
    void AfterCreate(TableDefinition table, Entity target, MessageContext context)
    {
    }

    /// <summary>After a record was updated; <paramref name="before"/> is the whole record before the update.</summary>
    void AfterUpdate(TableDefinition table, Entity target, Entity before, MessageContext context)
    {
    }

    /// <summary>After a record was deleted (directly or by cascade).</summary>
    void AfterDelete(TableDefinition table, EntityReference deleted, MessageContext context)
    {
    }
}
