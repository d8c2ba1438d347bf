using System.Globalization;
using System.Xml.Linq;
using SegmentSync.Emulator;

namespace SegmentSync.Solution.Installing;

/// <summary>
/// Reads the tables and 1:N relationships of a packed customizations.xml into emulator definitions: what importing
/// the solution creates. The inverse of the generator's EntityXml, so a column the XML gets wrong fails a test.
/// </summary>
public static class EntityReader
{
    private static readonly HashSet<string> SystemColumns = new(StringComparer.Ordinal)
    {
        TableDefinition.CreatedOn, TableDefinition.ModifiedOn, TableDefinition.CreatedBy, TableDefinition.ModifiedBy, TableDefinition.OwnerId,
    };

    public static (IReadOnlyList<TableDefinition> Tables, IReadOnlyList<RelationshipDefinition> Relationships) Read(XElement customizations)
    {
        var relationships = (customizations.Element("EntityRelationships")?.Elements("EntityRelationship") ?? Enumerable.Empty<XElement>())
            .Where(r => r.Child("EntityRelationshipType") == "OneToMany")
            .Select(r => RelationshipDefinition.OneToMany(
                (string)r.Attribute("Name")!,
                Lower(r.Required("ReferencedEntityName", "relationship")),
                Lower(r.Required("ReferencingEntityName", "relationship")),
                Lower(r.Required("ReferencingAttributeName", "relationship")),
                Cascade(r.Child("CascadeDelete"), (string)r.Attribute("Name")!)))
            .ToList();
        var tables = (customizations.Element("Entities")?.Elements("Entity") ?? Enumerable.Empty<XElement>())
            .Select(e => Table(e, relationships))
            .ToList();
        return (tables, relationships);
    }

    private static CascadeDelete Cascade(string? value, string relationship) => value switch
    {
        "Cascade" => CascadeDelete.Cascade,
        "RemoveLink" => CascadeDelete.RemoveLink,
        "Restrict" => CascadeDelete.Restrict,
        _ => throw new SolutionException($"Relationship {relationship}: CascadeDelete '{value}' is not Cascade, RemoveLink or Restrict."),
    };

    private static TableDefinition Table(XElement entity, IReadOnlyList<RelationshipDefinition> relationships)
    {
        var info = entity.Element("EntityInfo")?.Element("entity") ?? throw new SolutionException($"Entity {entity.Child("Name")} has no <EntityInfo><entity>.");
        var name = Lower((string)info.Attribute("Name")!);
        var attributes = info.Element("attributes")?.Elements("attribute").ToList() ?? new List<XElement>();
        string Of(XElement a) => Lower(a.Child("LogicalName") ?? (string)a.Attribute("PhysicalName")!);
        var primaryKey = attributes.FirstOrDefault(a => a.Child("Type") == "primarykey") ?? throw new SolutionException($"Table {name} has no primary key attribute.");
        var primaryName = attributes.FirstOrDefault(a => (a.Child("DisplayMask") ?? "").Split('|').Contains("PrimaryName"));
        var table = new TableDefinition(name, Of(primaryKey), primaryName is null ? null : Of(primaryName), info.Child("EntitySetName"));
        XElement? status = null;
        XElement? state = null;
        foreach (var attribute in attributes.OrderBy(Of, StringComparer.Ordinal))
        {
            var column = Of(attribute);
            var type = attribute.Child("Type");
            var required = attribute.Child("RequiredLevel") is "required" or "systemrequired";
            if (type == "primarykey" || SystemColumns.Contains(column)) continue;
            switch (type)
            {
                case "nvarchar":
                    table.String(column, Int(attribute, "MaxLength", name), required);
                    break;
                case "ntext":
                    table.Memo(column, Int(attribute, "MaxLength", name), required);
                    break;
                case "int":
                    table.Integer(column, Int(attribute, "MinValue", name), Int(attribute, "MaxValue", name), required);
                    break;
                case "datetime":
                    table.DateTime(column, required);
                    break;
                case "bit":
                    table.Boolean(column, attribute.Child("AppDefaultValue") switch { "1" => true, "0" => false, _ => null });
                    break;
                case "uniqueidentifier":
                    table.Guid(column);
                    break;
                case "picklist":
                    var options = attribute.Element("optionset")?.Element("options")?.Elements("option").Select(o => int.Parse((string)o.Attribute("value")!, CultureInfo.InvariantCulture)).ToArray()
                        ?? throw new SolutionException($"Choice column {name}.{column} has no options.");
                    var appDefault = attribute.Child("AppDefaultValue") is { } d ? int.Parse(d, CultureInfo.InvariantCulture) : -1;
                    table.Picklist(column, options, appDefault == -1 ? null : appDefault, required);
                    break;
                case "lookup":
                    var targets = relationships.Where(r => r.ReferencingEntity == name && r.ReferencingAttribute == column).Select(r => r.ReferencedEntity).ToArray();
                    if (targets.Length == 0) throw new SolutionException($"Lookup {name}.{column} has no relationship that names its target table.");
                    table.Lookup(column, targets);
                    break;
                case "state":
                    state = attribute;
                    break;
                case "status":
                    status = attribute;
                    break;
                default:
                    throw new SolutionException($"Column {name}.{column} has type '{type}', which the emulator's import does not read (extend EntityReader with EntityXml).");
            }
        }

        if (state is not null && status is not null)
        {
            var defaults = state.Descendants("state").ToDictionary(s => int.Parse((string)s.Attribute("value")!, CultureInfo.InvariantCulture), s => int.Parse((string)s.Attribute("defaultstatus")!, CultureInfo.InvariantCulture));
            table.StateStatus(status.Descendants("status").Select(s =>
            {
                var value = int.Parse((string)s.Attribute("value")!, CultureInfo.InvariantCulture);
                var stateValue = int.Parse((string)s.Attribute("state")!, CultureInfo.InvariantCulture);
                return (stateValue, value, defaults.TryGetValue(stateValue, out var def) && def == value);
            }).ToArray());
        }

        foreach (var key in info.Element("EntityKeys")?.Elements("EntityKey") ?? Enumerable.Empty<XElement>())
        {
            table.AlternateKey(key.Child("LogicalName") ?? key.Required("Name", name), key.Element("EntityKeyAttributes")!.Elements("AttributeName").Select(a => Lower(a.Value)).ToArray());
        }

        return table;
    }

    private static int Int(XElement attribute, string element, string table)
    {
        var text = attribute.Child(element) ?? throw new SolutionException($"Column {table}.{attribute.Child("LogicalName")} has no <{element}>.");
        return (int)Math.Clamp(double.Parse(text, CultureInfo.InvariantCulture), int.MinValue, int.MaxValue);
    }

    private static string Lower(string name) => name.ToLowerInvariant();
}
