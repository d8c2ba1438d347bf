using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator;
using SegmentSync.Plugins.Targets;

namespace SegmentSync.LocalEnvironment;

/// <summary>
/// Dataverse's <c>entity</c> table (one row per table, queryable by logicalname), which SegmentSync queries to detect
/// which Journeys segment model an environment has. Rows are written for the tables registered so far.
/// </summary>
public static class EntityCatalog
{
    public static void Register(InMemoryDataverse dataverse)
    {
        dataverse.Metadata.AddTable(new TableDefinition(SegmentModelCatalog.EntityTable, "entityid", SegmentModelCatalog.EntityLogicalName, "entities")
            .String(SegmentModelCatalog.EntityLogicalName, 128)
            .Index(SegmentModelCatalog.EntityLogicalName));
        dataverse.Seed(SegmentModelCatalog.EntityTable, dataverse.Metadata.Tables.ToList().Select(table =>
            new Entity(SegmentModelCatalog.EntityTable, Guid.NewGuid()) { [SegmentModelCatalog.EntityLogicalName] = table.LogicalName }));
    }
}
