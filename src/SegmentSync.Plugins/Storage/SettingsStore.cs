using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Infrastructure;
using SegmentSync.Plugins.Schema;
using E = SegmentSync.Plugins.Schema.EnvironmentVariableTables;

namespace SegmentSync.Plugins.Storage
{
    /// <summary>Reads SegmentSync's environment variables in one query (definitions outer-joined to their values).</summary>
    public sealed class SettingsStore
    {
        private const string ValueAlias = "v";
        private readonly IOrganizationService _service;

        public SettingsStore(IOrganizationService service) => _service = service;

        public SegmentSyncConfiguration Read()
        {
            var query = new QueryExpression(E.Definition) { ColumnSet = new ColumnSet(E.SchemaName, E.DefaultValue) };
            query.Criteria.AddCondition(E.SchemaName, ConditionOperator.In, SegmentSyncSettings.All.Select(s => (object)s.SchemaName).ToArray());
            var link = query.AddLink(E.Value, E.DefinitionId, E.DefinitionId, JoinOperator.LeftOuter);
            link.EntityAlias = ValueAlias;
            link.Columns = new ColumnSet(E.ValueColumn);

            var values = new Dictionary<string, string?>();
            foreach (var row in _service.RetrieveMultiple(query).Entities)
            {
                var name = row.GetAttributeValue<string>(E.SchemaName);
                var current = row.GetAttributeValue<AliasedValue>(ValueAlias + "." + E.ValueColumn)?.Value as string;
                values[name] = string.IsNullOrWhiteSpace(current) ? row.GetAttributeValue<string>(E.DefaultValue) : current;
            }

            return SegmentSyncConfiguration.From(values);
        }
    }
}
