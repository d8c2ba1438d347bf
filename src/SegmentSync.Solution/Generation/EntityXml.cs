using System.Globalization;
using System.Xml.Linq;
using SegmentSync.Emulator;
using static SegmentSync.Solution.XmlText;

namespace SegmentSync.Solution.Generation;

/// <summary>
/// Entities/&lt;table&gt;/Entity.xml, its main form (FormXml/main/{id}.xml) and its views (SavedQueries/{id}.xml), in
/// the layout SolutionPackager unpacks, generated from a table definition and its presentation.
/// </summary>
public static class EntityXml
{

    private static readonly HashSet<string> SystemColumns = new(StringComparer.Ordinal)
    {
        TableDefinition.CreatedOn, TableDefinition.ModifiedOn, TableDefinition.CreatedBy, TableDefinition.ModifiedBy, TableDefinition.OwnerId,
    };

    /// <summary>Control class ids of the classic form controls, by column kind.</summary>
    private static readonly Dictionary<ColumnKind, string> ControlClassIds = new()
    {
        [ColumnKind.String] = "{4273EDBD-AC1D-40d3-9FB2-095C621B552D}",
        [ColumnKind.Memo] = "{E0DECE4B-6FC8-4a8f-A065-082708572369}",
        [ColumnKind.Integer] = "{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}",
        [ColumnKind.DateTime] = "{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}",
        [ColumnKind.Picklist] = "{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}",
        [ColumnKind.State] = "{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}",
        [ColumnKind.Status] = "{5D68B988-0661-4db2-BC3E-17598AD3BE6C}",
        [ColumnKind.Lookup] = "{270BD3DB-D9AF-4782-9025-509E298DEC0A}",
        [ColumnKind.Boolean] = "{67FAC785-CD58-4f9f-ABB3-4B7DDC6ED5ED}",
    };

    /// <summary>The files of one table, keyed by path relative to the solution folder.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Files(TableDefinition table, TablePresentation presentation)
    {
        var folder = "Entities/" + table.LogicalName + "/";
        yield return new(folder + "Entity.xml", Write(Entity(table, presentation), declaration: true));
        var form = MainForm(table, presentation);
        yield return new(folder + "FormXml/main/" + form.Id + ".xml", Write(form.Xml, declaration: true));
        foreach (var view in Views(table, presentation))
        {
            yield return new(folder + "SavedQueries/" + view.Id + ".xml", Write(view.Xml, declaration: true));
        }
    }

    public static XElement Entity(TableDefinition table, TablePresentation p)
    {
        var entity = new XElement("entity", new XAttribute("Name", table.LogicalName),
            Localized("LocalizedNames", "LocalizedName", p.DisplayName),
            Localized("LocalizedCollectionNames", "LocalizedCollectionName", p.PluralName),
            Localized("Descriptions", "Description", p.Description),
            new XElement("attributes", table.Columns.OrderBy(c => c.LogicalName, StringComparer.Ordinal).Select(c => Attribute(table, c, p))),
            new XElement("EntitySetName", table.EntitySetName),
            new XElement("IsDuplicateCheckSupported", "0"),
            new XElement("IsBusinessProcessEnabled", "0"),
            new XElement("IsRequiredOffline", "0"),
            new XElement("IsCollaboration", "0"),
            new XElement("AutoRouteToOwnerQueue", "0"),
            new XElement("IsConnectionsEnabled", "0"),
            new XElement("IsDocumentManagementEnabled", "0"),
            new XElement("AutoCreateAccessTeams", "0"),
            new XElement("OwnershipTypeMask", "UserOwned"),
            new XElement("IsAuditEnabled", "0"),
            new XElement("IsActivity", "0"),
            new XElement("ActivityTypeMask"),
            new XElement("IsActivityParty", "0"),
            new XElement("IsReplicated", "0"),
            new XElement("IsReplicationUserFiltered", "0"),
            new XElement("IsMailMergeEnabled", "0"),
            new XElement("IsVisibleInMobile", "0"),
            new XElement("IsVisibleInMobileClient", "0"),
            new XElement("IsReadOnlyInMobileClient", "0"),
            new XElement("IsOfflineInMobileClient", "0"),
            new XElement("DaysSinceRecordLastModified", "0"),
            new XElement("IsMapiGridEnabled", "1"),
            new XElement("IsReadingPaneEnabled", "1"),
            new XElement("IsQuickCreateEnabled", "0"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsCustomizable", "1"),
            new XElement("IsRenameable", "1"),
            new XElement("IsMappable", "1"),
            new XElement("CanModifyAuditSettings", "1"),
            new XElement("CanModifyConnectionSettings", "1"),
            new XElement("CanModifyDuplicateDetectionSettings", "1"),
            new XElement("CanModifyMailMergeSettings", "1"),
            new XElement("CanModifyQueueSettings", "1"),
            new XElement("CanCreateAttributes", "1"),
            new XElement("CanCreateForms", "1"),
            new XElement("CanCreateCharts", "1"),
            new XElement("CanCreateViews", "1"),
            new XElement("CanModifyAdditionalSettings", "1"),
            new XElement("EnforceStateTransitions", Bit(table.EnforcesStatusTransitions)),
            new XElement("ChangeTrackingEnabled", "0"));
        if (table.AlternateKeys.Count > 0)
        {
            entity.Add(new XElement("EntityKeys", table.AlternateKeys.Select(k => new XElement("EntityKey",
                new XElement("Name", k.Name),
                new XElement("LogicalName", k.Name),
                new XElement("IntroducedVersion", "1.0"),
                new XElement("IsCustomizable", "1"),
                Localized("displaynames", "displayname", string.Join(", ", k.Attributes.Select(a => p.Label(a).DisplayName))),
                new XElement("EntityKeyAttributes", k.Attributes.Select(a => new XElement("AttributeName", a)))))));
        }

        return new XElement("Entity", new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XElement("Name", new XAttribute("LocalizedName", p.DisplayName), new XAttribute("OriginalName", p.DisplayName), table.LogicalName),
            new XElement("EntityInfo", entity),
            new XElement("FormXml"),
            new XElement("SavedQueries"));
    }

    private static XElement Attribute(TableDefinition table, ColumnDefinition c, TablePresentation p)
    {
        var label = p.Label(c.LogicalName);
        var isSystem = SystemColumns.Contains(c.LogicalName) || c.Kind is ColumnKind.PrimaryKey or ColumnKind.State or ColumnKind.Status;
        var isPrimaryName = c.LogicalName == table.PrimaryNameAttribute;
        var requiredLevel = c.Kind switch
        {
            ColumnKind.PrimaryKey or ColumnKind.State => "systemrequired",
            _ when c.LogicalName == TableDefinition.OwnerId => "systemrequired",
            _ => c.Required ? "required" : "none",
        };
        var (create, update) = c.Kind switch
        {
            ColumnKind.PrimaryKey => (true, false),
            ColumnKind.State => (false, true),
            _ when c.IsSystemManaged => (false, false),
            _ => (true, true),
        };
        var mask = c.Kind == ColumnKind.PrimaryKey
            ? "ValidForAdvancedFind|RequiredForGrid"
            : (isPrimaryName ? "PrimaryName|" : "") + "ValidForAdvancedFind|ValidForForm|ValidForGrid" + (requiredLevel != "none" && c.Kind != ColumnKind.State ? "|RequiredForForm" : "");
        var attribute = new XElement("attribute", new XAttribute("PhysicalName", c.LogicalName),
            new XElement("Type", TypeName(c)),
            new XElement("Name", c.LogicalName),
            new XElement("LogicalName", c.LogicalName),
            new XElement("RequiredLevel", requiredLevel),
            new XElement("DisplayMask", mask),
            new XElement("ImeMode", c.Kind == ColumnKind.DateTime ? "inactive" : "auto"),
            new XElement("ValidForUpdateApi", Bit(update)),
            new XElement("ValidForReadApi", "1"),
            new XElement("ValidForCreateApi", Bit(create)),
            new XElement("IsCustomField", Bit(!isSystem)),
            new XElement("IsAuditEnabled", "0"),
            new XElement("IsSecured", "0"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsCustomizable", "1"),
            new XElement("IsRenameable", "1"),
            new XElement("CanModifySearchSettings", "1"),
            new XElement("CanModifyRequirementLevelSettings", Bit(c.Kind != ColumnKind.PrimaryKey)),
            new XElement("CanModifyAdditionalSettings", "1"),
            new XElement("SourceType", "0"));
        switch (c.Kind)
        {
            case ColumnKind.String:
                attribute.Add(new XElement("Format", "text"), new XElement("MaxLength", Number(c.MaxLength)), new XElement("Length", Number(c.MaxLength * 2L)));
                break;
            case ColumnKind.Memo:
                attribute.Add(new XElement("Format", "textarea"), new XElement("MaxLength", Number(c.MaxLength)), new XElement("Length", Number(c.MaxLength * 2L)));
                break;
            case ColumnKind.Integer:
                attribute.Add(new XElement("Format", "none"),
                    new XElement("MinValue", Number(Math.Max(c.MinValue, int.MinValue))),
                    new XElement("MaxValue", Number(Math.Min(c.MaxValue, int.MaxValue))));
                break;
            case ColumnKind.DateTime:
                attribute.Add(new XElement("Format", "datetime"), new XElement("CanChangeDateTimeBehavior", "0"), new XElement("Behavior", "1"));
                break;
            case ColumnKind.Lookup:
                attribute.Add(new XElement("LookupStyle", "single"),
                    c.LogicalName == TableDefinition.OwnerId
                        ? new XElement("LookupTypes",
                            new XElement("LookupType", new XAttribute("id", Guid.Empty.ToString("D")), "8"),
                            new XElement("LookupType", new XAttribute("id", Guid.Empty.ToString("D")), "9"))
                        : new XElement("LookupTypes"));
                break;
            case ColumnKind.Picklist:
                attribute.Add(new XElement("AppDefaultValue", c.DefaultValue is int d ? Number(d) : "-1"), PicklistOptions(table, c, p));
                break;
            case ColumnKind.Boolean:
                attribute.Add(new XElement("AppDefaultValue", c.DefaultValue is true ? "1" : "0"), BooleanOptions(table, c, p));
                break;
            case ColumnKind.State:
                attribute.Add(StateOptions(table, p));
                break;
            case ColumnKind.Status:
                attribute.Add(StatusOptions(table, p));
                break;
        }

        attribute.Add(Localized("displaynames", "displayname", label.DisplayName), Localized("Descriptions", "Description", label.Description));
        return attribute;
    }

    private static string TypeName(ColumnDefinition c) => c.Kind switch
    {
        ColumnKind.PrimaryKey => "primarykey",
        ColumnKind.String => "nvarchar",
        ColumnKind.Memo => "ntext",
        ColumnKind.Integer => "int",
        ColumnKind.DateTime => "datetime",
        ColumnKind.Boolean => "bit",
        ColumnKind.Picklist => "picklist",
        ColumnKind.State => "state",
        ColumnKind.Status => "status",
        ColumnKind.Lookup => c.LogicalName == TableDefinition.OwnerId ? "owner" : "lookup",
        _ => throw new SolutionException($"Column {c.LogicalName} is a {c.Kind}; the solution generator writes only the column types SegmentSync's tables use (extend EntityXml and EntityReader together)."),
    };

    private static XElement PicklistOptions(TableDefinition table, ColumnDefinition c, TablePresentation p)
    {
        if (!p.OptionLabels.TryGetValue(c.LogicalName, out var labels))
            throw new SolutionException($"Choice column {table.LogicalName}.{c.LogicalName} has no option labels in its presentation.");
        var missing = c.Options.Where(v => !labels.ContainsKey(v)).Concat(labels.Keys.Where(v => !c.Options.Contains(v))).Distinct().ToList();
        if (missing.Count > 0)
            throw new SolutionException($"Choice column {table.LogicalName}.{c.LogicalName}: the table allows {string.Join(", ", c.Options.Order())} but the labels cover {string.Join(", ", labels.Keys.Order())}.");
        var label = p.Label(c.LogicalName);
        return new XElement("optionset", new XAttribute("Name", table.LogicalName + "_" + c.LogicalName),
            new XElement("OptionSetType", "picklist"),
            new XElement("IsGlobal", "0"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsCustomizable", "1"),
            Localized("displaynames", "displayname", label.DisplayName),
            Localized("Descriptions", "Description", label.Description),
            new XElement("options", c.Options.Order().Select(v => new XElement("option", new XAttribute("value", Number(v)),
                new XElement("labels", new XElement("label", new XAttribute("description", labels[v]), new XAttribute("languagecode", "1033")))))));
    }

    private static XElement BooleanOptions(TableDefinition table, ColumnDefinition c, TablePresentation p)
    {
        var label = p.Label(c.LogicalName);
        XElement Option(string value, string text) => new("option", new XAttribute("value", value),
            new XElement("labels", new XElement("label", new XAttribute("description", text), new XAttribute("languagecode", "1033"))));
        return new XElement("optionset", new XAttribute("Name", table.LogicalName + "_" + c.LogicalName),
            new XElement("OptionSetType", "bit"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsCustomizable", "1"),
            Localized("displaynames", "displayname", label.DisplayName),
            Localized("Descriptions", "Description", label.Description),
            new XElement("options", Option("1", "Yes"), Option("0", "No")));
    }

    private static XElement StateOptions(TableDefinition table, TablePresentation p)
    {
        var label = p.Label(TableDefinition.StateCode);
        return new XElement("optionset", new XAttribute("Name", table.LogicalName + "_statecode"),
            new XElement("OptionSetType", "state"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsCustomizable", "1"),
            Localized("displaynames", "displayname", label.DisplayName),
            Localized("Descriptions", "Description", label.Description),
            new XElement("states", table.Statuses.Select(s => s.State).Distinct().Order().Select(state =>
                new XElement("state",
                    new XAttribute("value", Number(state)),
                    new XAttribute("defaultstatus", Number(table.DefaultStatus(state)!.Status)),
                    new XAttribute("invariantname", StateName(state)),
                    new XElement("labels", new XElement("label", new XAttribute("description", StateName(state)), new XAttribute("languagecode", "1033")))))));
    }

    private static XElement StatusOptions(TableDefinition table, TablePresentation p)
    {
        var label = p.Label(TableDefinition.StatusCode);
        return new XElement("optionset", new XAttribute("Name", table.LogicalName + "_statuscode"),
            new XElement("OptionSetType", "status"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsCustomizable", "1"),
            Localized("displaynames", "displayname", label.DisplayName),
            Localized("Descriptions", "Description", label.Description),
            new XElement("statuses", table.Statuses.OrderBy(s => s.Status).Select(s =>
                new XElement("status",
                    new XAttribute("value", Number(s.Status)),
                    new XAttribute("state", Number(s.State)),
                    new XElement("labels", new XElement("label", new XAttribute("description", StatusName(p, s.State, s.Status)), new XAttribute("languagecode", "1033")))))));
    }

    /// <summary>A status reason's label: the presentation's (for status reasons a table adds), else its state's name.</summary>
    private static string StatusName(TablePresentation p, int state, int status) =>
        p.OptionLabels.TryGetValue(TableDefinition.StatusCode, out var labels) && labels.TryGetValue(status, out var label) ? label : StateName(state);

    private static string StateName(int state) => state switch { 0 => "Active", 1 => "Inactive", _ => "State " + Number(state) };

    private static (string Id, XElement Xml) MainForm(TableDefinition table, TablePresentation p)
    {
        var formId = ComponentIds.Braced(ComponentIds.For("form", table.LogicalName + "/main"));
        string Id(string part) => ComponentIds.Braced(ComponentIds.For("form", table.LogicalName + "/main/" + part));
        var sections = p.Form.Select((section, index) => new XElement("section",
            new XAttribute("showlabel", "true"), new XAttribute("showbar", "false"), new XAttribute("IsUserDefined", "0"), new XAttribute("id", Id("section/" + index)),
            new XElement("labels", new XElement("label", new XAttribute("description", section.Label), new XAttribute("languagecode", "1033"))),
            new XElement("rows", section.Columns.Select(column =>
            {
                var definition = table.Column(column) ?? throw new SolutionException($"The form of {table.LogicalName} shows {column}, which the table does not have.");
                return new XElement("row", new XElement("cell", new XAttribute("id", Id("cell/" + column)),
                    new XElement("labels", new XElement("label", new XAttribute("description", p.Label(column).DisplayName), new XAttribute("languagecode", "1033"))),
                    new XElement("control", new XAttribute("id", column), new XAttribute("classid", ControlClassIds[definition.Kind]),
                        new XAttribute("datafieldname", column), new XAttribute("disabled", "true"))));
            }))));
        var xml = new XElement("forms", new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XElement("systemform",
                new XElement("formid", formId),
                new XElement("IntroducedVersion", "1.0"),
                new XElement("FormPresentation", "1"),
                new XElement("FormActivationState", "1"),
                new XElement("form",
                    new XElement("tabs", new XElement("tab", new XAttribute("verticallayout", "true"), new XAttribute("id", Id("tab/general")), new XAttribute("IsUserDefined", "1"),
                        new XElement("labels", new XElement("label", new XAttribute("description", "General"), new XAttribute("languagecode", "1033"))),
                        new XElement("columns", new XElement("column", new XAttribute("width", "100%"), new XElement("sections", sections)))))),
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", "0"),
                Localized("LocalizedNames", "LocalizedName", "Information"),
                Localized("Descriptions", "Description", p.DisplayName + " (read only: SegmentSync writes these records).")));
        return (formId, xml);
    }

    private static IEnumerable<(string Id, XElement Xml)> Views(TableDefinition table, TablePresentation p)
    {
        var primaryName = table.PrimaryNameAttribute ?? throw new SolutionException($"Table {table.LogicalName} has no primary name column.");
        for (var i = 0; i < p.Views.Count; i++)
        {
            var view = p.Views[i];
            yield return View(table, p, "public/" + view.Name, querytype: 0, isDefault: i == 0, quickFind: false, view.Name, view);
        }

        var main = p.Views[0];
        yield return View(table, p, "advancedfind", querytype: 1, isDefault: true, quickFind: false, p.DisplayName + " Advanced Find View", main with { Conditions = null });
        yield return View(table, p, "lookup", querytype: 64, isDefault: true, quickFind: false, p.DisplayName + " Lookup View",
            new ViewDefinition("lookup", new[] { primaryName, "createdon" }, primaryName, false, new[] { new ViewCondition("statecode", "eq", "0") }));
        yield return View(table, p, "quickfind", querytype: 4, isDefault: true, quickFind: true, "Quick Find Active " + p.PluralName, main);
    }

    private static (string Id, XElement Xml) View(TableDefinition table, TablePresentation p, string key, int querytype, bool isDefault, bool quickFind, string name, ViewDefinition view)
    {
        var id = ComponentIds.Braced(ComponentIds.For("view", table.LogicalName + "/" + key));
        foreach (var column in view.Columns.Append(view.OrderBy).Concat(view.Conditions?.Select(c => c.Attribute) ?? Enumerable.Empty<string>()))
        {
            if (table.Column(column) is null) throw new SolutionException($"The view '{name}' of {table.LogicalName} uses {column}, which the table does not have.");
        }

        var entity = new XElement("entity", new XAttribute("name", table.LogicalName),
            new XElement("attribute", new XAttribute("name", table.PrimaryIdAttribute)),
            view.Columns.Select(c => new XElement("attribute", new XAttribute("name", c))),
            new XElement("order", new XAttribute("attribute", view.OrderBy), new XAttribute("descending", view.Descending ? "true" : "false")));
        if (quickFind)
        {
            entity.Add(new XElement("filter", new XAttribute("type", "and"), new XElement("condition", new XAttribute("attribute", "statecode"), new XAttribute("operator", "eq"), new XAttribute("value", "0"))));
            entity.Add(new XElement("filter", new XAttribute("type", "or"), new XAttribute("isquickfindfields", "1"),
                p.QuickFindColumns.Select(c => new XElement("condition", new XAttribute("attribute", c), new XAttribute("operator", "like"), new XAttribute("value", "{0}")))));
        }
        else if (view.Conditions is { Count: > 0 } conditions)
        {
            entity.Add(new XElement("filter", new XAttribute("type", "and"), conditions.Select(Condition)));
        }

        var xml = new XElement("savedqueries", new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XElement("savedquery",
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", Bit(querytype == 0 && !isDefault)),
                new XElement("isquickfindquery", Bit(quickFind)),
                new XElement("isprivate", "0"),
                new XElement("isdefault", Bit(isDefault)),
                new XElement("savedqueryid", id),
                new XElement("layoutxml", new XElement("grid",
                    new XAttribute("name", "resultset"), new XAttribute("jump", table.PrimaryNameAttribute!), new XAttribute("select", "1"), new XAttribute("icon", "1"), new XAttribute("preview", "1"),
                    new XElement("row", new XAttribute("name", "result"), new XAttribute("id", table.PrimaryIdAttribute),
                        view.Columns.Select(c => new XElement("cell", new XAttribute("name", c), new XAttribute("width", c == table.PrimaryNameAttribute ? "300" : "125")))))),
                new XElement("querytype", Number(querytype)),
                new XElement("fetchxml", new XElement("fetch", new XAttribute("version", "1.0"), new XAttribute("mapping", "logical"), entity)),
                new XElement("IntroducedVersion", "1.0"),
                Localized("LocalizedNames", "LocalizedName", name)));
        return (id, xml);
    }

    private static XElement Condition(ViewCondition condition)
    {
        var element = new XElement("condition", new XAttribute("attribute", condition.Attribute), new XAttribute("operator", condition.Operator));
        if (condition.Operator == "in")
        {
            element.Add(condition.Value!.Split(',').Select(v => new XElement("value", v)));
        }
        else if (condition.Value is not null)
        {
            element.Add(new XAttribute("value", condition.Value));
        }

        return element;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
