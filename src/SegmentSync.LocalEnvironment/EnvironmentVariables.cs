using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Emulator;
using SegmentSync.Plugins.Schema;
using E = SegmentSync.Plugins.Schema.EnvironmentVariableTables;

namespace SegmentSync.LocalEnvironment;

/// <summary>
/// Dataverse's environment variable tables, and SegmentSync's definitions in them as the solution installs them
/// (a default value, no current value until an admin sets one).
/// </summary>
public static class EnvironmentVariables
{
    public static void Register(InMemoryDataverse dataverse)
    {
        dataverse.Metadata.AddTable(new TableDefinition(E.Definition, E.DefinitionId, E.SchemaName, "environmentvariabledefinitions")
            .String(E.SchemaName, 100, required: true)
            .String("displayname", 100)
            .Memo(E.DefaultValue, 2000)
            .Picklist("type", Enum.GetValues<SettingType>().Select(v => (int)v).ToArray())
            .AlternateKey("schemaname_key", E.SchemaName));
        dataverse.Metadata.AddTable(new TableDefinition(E.Value, E.ValueId, "schemaname", "environmentvariablevalues")
            .String("schemaname", 100)
            .Memo(E.ValueColumn, 2000)
            .Lookup(E.DefinitionId, E.Definition)
            .Index(E.DefinitionId));
        dataverse.Metadata.AddRelationship(RelationshipDefinition.OneToMany(
            "environmentvariabledefinition_environmentvariablevalue", E.Definition, E.Value, E.DefinitionId, CascadeDelete.Cascade));

        var service = dataverse.GetService();
        foreach (var setting in SegmentSyncSettings.All)
        {
            service.Create(new Entity(E.Definition)
            {
                [E.SchemaName] = setting.SchemaName,
                ["displayname"] = setting.DisplayName,
                [E.DefaultValue] = setting.DefaultValue,
                ["type"] = new OptionSetValue((int)setting.Type),
            });
        }
    }

    /// <summary>Sets (or clears, with null) the current value of a setting, as an admin does in the solution.</summary>
    public static void Set(IOrganizationService service, string schemaName, string? value)
    {
        var definition = service.RetrieveMultiple(new QueryExpression(E.Definition)
        {
            ColumnSet = new ColumnSet(E.DefinitionId),
            Criteria = { Conditions = { new ConditionExpression(E.SchemaName, ConditionOperator.Equal, schemaName) } },
        }).Entities.Single();
        var existing = service.RetrieveMultiple(new QueryExpression(E.Value)
        {
            ColumnSet = new ColumnSet(E.ValueId),
            Criteria = { Conditions = { new ConditionExpression(E.DefinitionId, ConditionOperator.Equal, definition.Id) } },
        }).Entities;
        foreach (var row in existing)
        {
            service.Delete(E.Value, row.Id);
        }

        if (value != null)
        {
            service.Create(new Entity(E.Value)
            {
                ["schemaname"] = schemaName,
                [E.ValueColumn] = value,
                [E.DefinitionId] = definition.ToEntityReference(),
            });
        }
    }
}
