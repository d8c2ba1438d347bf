using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>Which Journeys segment models an environment has, read from Dataverse's table of tables.</summary>
    public sealed class SegmentModelCatalog
    {
        /// <summary>Dataverse's table of tables.</summary>
        public const string EntityTable = "entity";
        public const string EntityLogicalName = "logicalname";

        private SegmentModelCatalog(bool hasOutbound, bool hasRealTime)
        {
            HasOutbound = hasOutbound;
            HasRealTime = hasRealTime;
        }

        /// <summary>Outbound marketing's msdyncrm_segment exists.</summary>
        public bool HasOutbound { get; }

        /// <summary>Real-time journeys' msdynmkt_segmentdefinition exists.</summary>
        public bool HasRealTime { get; }

        /// <summary>One query.</summary>
        public static SegmentModelCatalog Read(IOrganizationService service)
        {
            var query = new QueryExpression(EntityTable) { ColumnSet = new ColumnSet(EntityLogicalName) };
            query.Criteria.AddCondition(EntityLogicalName, ConditionOperator.In, RealTimeSegmentTables.Definition, OutboundSegmentTable.LogicalName);
            var tables = service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>(EntityLogicalName)).ToList();
            return new SegmentModelCatalog(tables.Contains(OutboundSegmentTable.LogicalName), tables.Contains(RealTimeSegmentTables.Definition));
        }
    }
}
