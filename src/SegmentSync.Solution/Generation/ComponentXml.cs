using System.Globalization;
using System.Xml.Linq;
using SegmentSync.Emulator;
using SegmentSync.Plugins.Schema;
using static SegmentSync.Solution.XmlText;

namespace SegmentSync.Solution.Generation;

/// <summary>
/// The XML of the solution's other components, as Dataverse exports them and SolutionPackager unpacks them: the
/// manifest, the residual customizations, relationships, the plug-in assembly, steps, Custom APIs, environment
/// variables and roles.
/// </summary>
public static class ComponentXml
{
    /// <summary>Type codes of solution components (solutioncomponent.componenttype).</summary>
    public const int EntityComponent = 1;
    public const int PluginAssemblyComponent = 91;
    public const int StepComponent = 92;
    public const int RoleComponent = 20;

    /// <summary>SDK message ids of the messages a step may name (the same in every environment).</summary>
    public static readonly IReadOnlyDictionary<string, Guid> SdkMessageIds = new Dictionary<string, Guid>(StringComparer.Ordinal)
    {
        ["Create"] = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Update"] = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
    };

    /// <summary>Other/Solution.xml. <paramref name="managed"/>: 0 unmanaged, 1 managed, 2 both (the unpacked source).</summary>
    public static XElement Manifest(SolutionDefinition d, int managed)
    {
        var c = d.Config;
        var roots = new List<XElement>();
        roots.AddRange(d.Tables.Select(t => Root(EntityComponent, schemaName: t.LogicalName)));
        roots.AddRange(d.Roles.Select(r => Root(RoleComponent, id: RoleId(r))));
        roots.Add(Root(PluginAssemblyComponent, id: AssemblyId(d), schemaName: d.PluginAssembly.FullName));
        roots.AddRange(d.Steps.Select(s => Root(StepComponent, id: StepId(s))));
        roots.AddRange(d.Flows.Select(f => Root(FlowXml.WorkflowComponent, id: FlowXml.Id(f))));
        return new XElement("ImportExportXml",
            new XAttribute("version", "9.2.0.0"), new XAttribute("SolutionPackageVersion", "9.2"), new XAttribute("languagecode", "1033"),
            new XAttribute("generatedBy", "CrmLive"), new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XElement("SolutionManifest",
                new XElement("UniqueName", c.UniqueName),
                Localized("LocalizedNames", "LocalizedName", c.DisplayName),
                c.Description.Length == 0 ? new XElement("Descriptions") : Localized("Descriptions", "Description", c.Description),
                new XElement("Version", c.Version),
                new XElement("Managed", managed.ToString(CultureInfo.InvariantCulture)),
                new XElement("Publisher",
                    new XElement("UniqueName", c.Publisher.UniqueName),
                    Localized("LocalizedNames", "LocalizedName", c.Publisher.DisplayName),
                    Localized("Descriptions", "Description", c.Publisher.Description.Length == 0 ? c.Publisher.DisplayName : c.Publisher.Description),
                    Nil("EMailAddress"),
                    Nil("SupportingWebsiteUrl"),
                    new XElement("CustomizationPrefix", c.Publisher.Prefix),
                    new XElement("CustomizationOptionValuePrefix", c.Publisher.OptionValuePrefix.ToString(CultureInfo.InvariantCulture)),
                    new XElement("Addresses", Address(1), Address(2))),
                new XElement("RootComponents", roots),
                new XElement("MissingDependencies")));
    }

    private static XElement Root(int type, Guid? id = null, string? schemaName = null)
    {
        var root = new XElement("RootComponent", new XAttribute("type", type.ToString(CultureInfo.InvariantCulture)));
        if (id is Guid g) root.Add(new XAttribute("id", ComponentIds.Braced(g)));
        if (schemaName is not null) root.Add(new XAttribute("schemaName", schemaName));
        root.Add(new XAttribute("behavior", "0"));
        return root;
    }

    private static XElement Nil(string name) => new(name, new XAttribute(Xsi + "nil", "true"));

    private static XElement Address(int number) => new("Address",
        new XElement("AddressNumber", number.ToString(CultureInfo.InvariantCulture)),
        new XElement("AddressTypeCode", "1"),
        Nil("City"), Nil("County"), Nil("Country"), Nil("Fax"), Nil("FreightTermsCode"), Nil("ImportSequenceNumber"),
        Nil("Latitude"), Nil("Line1"), Nil("Line2"), Nil("Line3"), Nil("Longitude"), Nil("Name"), Nil("PostalCode"),
        Nil("PostOfficeBox"), Nil("PrimaryContactName"),
        new XElement("ShippingMethodCode", "1"),
        Nil("StateOrProvince"), Nil("Telephone1"), Nil("Telephone2"), Nil("Telephone3"), Nil("TimeZoneRuleVersionNumber"),
        Nil("UPSZone"), Nil("UTCOffset"), Nil("UTCConversionTimeZoneCode"));

    /// <summary>
    /// Other/Customizations.xml: the residual ImportExportXml whose sections the packer fills from the other folders
    /// (the order of its children is the schema's).
    /// </summary>
    public static XElement ResidualCustomizations() => new("ImportExportXml", new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
        new XElement("Entities"),
        new XElement("Roles"),
        new XElement("Workflows"),
        new XElement("FieldSecurityProfiles"),
        new XElement("Templates"),
        new XElement("EntityMaps"),
        new XElement("EntityRelationships"),
        new XElement("OrganizationSettings"),
        new XElement("optionsets"),
        new XElement("CustomControls"),
        new XElement("SolutionPluginAssemblies"),
        new XElement("SdkMessageProcessingSteps"),
        new XElement("EntityDataProviders"),
        new XElement("Languages", new XElement("Language", "1033")));

    /// <summary>Other/Relationships.xml: the names of the solution's relationships.</summary>
    public static XElement RelationshipIndex(SolutionDefinition d) => new("EntityRelationships", new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
        d.Relationships.Select(r => new XElement("EntityRelationship", new XAttribute("Name", r.SchemaName))));

    /// <summary>Other/Relationships/&lt;referenced table&gt;.xml: the relationships whose referenced table is <paramref name="referenced"/>.</summary>
    public static XElement Relationships(SolutionDefinition d, string referenced) => new("EntityRelationships", new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
        d.Relationships.Where(r => r.ReferencedEntity == referenced).Select(r => new XElement("EntityRelationship", new XAttribute("Name", r.SchemaName),
            new XElement("EntityRelationshipType", "OneToMany"),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsHierarchical", "0"),
            new XElement("ReferencingEntityName", r.ReferencingEntity),
            new XElement("ReferencedEntityName", r.ReferencedEntity),
            new XElement("CascadeAssign", "NoCascade"),
            new XElement("CascadeDelete", r.CascadeDelete.ToString()),
            new XElement("CascadeReparent", "NoCascade"),
            new XElement("CascadeShare", "NoCascade"),
            new XElement("CascadeUnshare", "NoCascade"),
            new XElement("ReferencingAttributeName", r.ReferencingAttribute),
            new XElement("RelationshipDescription", Localized("Descriptions", "Description", d.PresentationOf(r.ReferencingEntity).Label(r.ReferencingAttribute).Description)))));

    public static Guid AssemblyId(SolutionDefinition d) => ComponentIds.For("pluginassembly", d.PluginAssembly.Name);

    public static Guid PluginTypeId(string typeName) => ComponentIds.For("plugintype", typeName);

    public static Guid StepId(PluginStepDescriptor step) => ComponentIds.For("step", step.Name);

    public static Guid RoleId(RoleDefinition role) => ComponentIds.For("role", role.Name);

    /// <summary>PluginAssemblies/&lt;Name&gt;-&lt;GUID&gt;/: the folder of the assembly and its .dll.data.xml.</summary>
    public static string AssemblyFolder(SolutionDefinition d) =>
        "PluginAssemblies/" + d.PluginAssembly.Name + "-" + AssemblyId(d).ToString("D").ToUpperInvariant();

    /// <summary>The .dll.data.xml: the assembly's identity, sandbox isolation and plug-in types.</summary>
    public static XElement PluginAssembly(SolutionDefinition d) => new("PluginAssembly",
        new XAttribute("FullName", d.PluginAssembly.FullName),
        new XAttribute("PluginAssemblyId", AssemblyId(d).ToString("D")),
        new XAttribute("CustomizationLevel", "1"),
        new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
        new XElement("IsolationMode", "2"),
        new XElement("SourceType", "0"),
        new XElement("IntroducedVersion", "1.0"),
        new XElement("FileName", "/" + AssemblyFolder(d) + "/" + d.PluginAssembly.Name + ".dll"),
        new XElement("PluginTypes", d.PluginAssembly.PluginTypeNames.Select(t => new XElement("PluginType",
            new XAttribute("AssemblyQualifiedName", d.PluginAssembly.AssemblyQualifiedName(t)),
            new XAttribute("PluginTypeId", PluginTypeId(t).ToString("D")),
            new XAttribute("Name", t),
            new XElement("FriendlyName", PluginTypeId(t).ToString("D"))))));

    /// <summary>SdkMessageProcessingSteps/{id}.xml.</summary>
    public static XElement Step(SolutionDefinition d, PluginStepDescriptor s)
    {
        if (!SdkMessageIds.TryGetValue(s.MessageName, out var messageId))
            throw new SolutionException($"Step '{s.Name}': message {s.MessageName} has no known SDK message id (known: {string.Join(", ", SdkMessageIds.Keys)}).");
        return new XElement("SdkMessageProcessingStep",
            new XAttribute("Name", s.Name),
            new XAttribute("SdkMessageProcessingStepId", ComponentIds.Braced(StepId(s))),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XElement("SdkMessageId", messageId.ToString("D")),
            new XElement("PluginTypeName", d.PluginAssembly.AssemblyQualifiedName(s.PluginTypeName)),
            new XElement("PluginTypeId", PluginTypeId(s.PluginTypeName).ToString("D")),
            new XElement("PrimaryEntity", s.PrimaryEntity),
            new XElement("AsyncAutoDelete", "0"),
            new XElement("Description", s.Description),
            new XElement("FilteringAttributes", s.FilteringAttributes),
            new XElement("InvocationSource", "0"),
            new XElement("Mode", s.Mode.ToString(CultureInfo.InvariantCulture)),
            new XElement("Rank", s.Rank.ToString(CultureInfo.InvariantCulture)),
            new XElement("EventHandlerTypeCode", "4602"),
            new XElement("Stage", s.Stage.ToString(CultureInfo.InvariantCulture)),
            new XElement("IsCustomizable", "1"),
            new XElement("IsHidden", "0"),
            new XElement("SupportedDeployment", "0"),
            new XElement("IntroducedVersion", "1.0"));
    }

    /// <summary>customapis/&lt;uniquename&gt;/customapi.xml: an unbound action bound to its plug-in type.</summary>
    public static XElement CustomApi(CustomApiDescriptor api) => new("customapi", new XAttribute("uniquename", api.UniqueName),
        new XElement("allowedcustomprocessingsteptype", "0"),
        new XElement("bindingtype", "0"),
        new XElement("boundentitylogicalname"),
        DefaultLabel("description", api.Description),
        DefaultLabel("displayname", api.DisplayName),
        new XElement("executeprivilegename", api.ExecutePrivilegeName),
        new XElement("iscustomizable", "0"),
        new XElement("isfunction", Bit(api.IsFunction)),
        new XElement("isprivate", "0"),
        new XElement("name", api.UniqueName),
        new XElement("plugintypeid", new XElement("plugintypeexportkey", PluginTypeId(api.PluginTypeName).ToString("D"))),
        new XElement("workflowsdkstepenabled", Bit(api.IsWorkflowEnabled)));

    public static XElement RequestParameter(CustomApiDescriptor api, ApiField field) => new("customapirequestparameter", new XAttribute("uniquename", field.UniqueName),
        DefaultLabel("description", field.Description),
        DefaultLabel("displayname", field.UniqueName),
        new XElement("iscustomizable", "0"),
        new XElement("isoptional", Bit(field.IsOptional)),
        new XElement("logicalentityname"),
        new XElement("name", api.UniqueName + "." + field.UniqueName),
        new XElement("type", ((int)field.Type).ToString(CultureInfo.InvariantCulture)));

    /// <summary>A response property: no isoptional (Dataverse refuses it there).</summary>
    public static XElement ResponseProperty(CustomApiDescriptor api, ApiField field) => new("customapiresponseproperty", new XAttribute("uniquename", field.UniqueName),
        DefaultLabel("description", field.Description),
        DefaultLabel("displayname", field.UniqueName),
        new XElement("iscustomizable", "0"),
        new XElement("logicalentityname"),
        new XElement("name", api.UniqueName + "." + field.UniqueName),
        new XElement("type", ((int)field.Type).ToString(CultureInfo.InvariantCulture)));

    /// <summary>environmentvariabledefinitions/&lt;schemaname&gt;/environmentvariabledefinition.xml, with the setting's default.</summary>
    public static XElement EnvironmentVariable(SettingDescriptor setting) => new("environmentvariabledefinition", new XAttribute("schemaname", setting.SchemaName),
        new XElement("defaultvalue", setting.DefaultValue),
        DefaultLabel("description", setting.Description),
        DefaultLabel("displayname", setting.DisplayName),
        new XElement("introducedversion", "1.0.0.0"),
        new XElement("iscustomizable", "1"),
        new XElement("isrequired", "0"),
        new XElement("secretstore", "0"),
        new XElement("type", ((int)setting.Type).ToString(CultureInfo.InvariantCulture)));

    /// <summary>Roles/&lt;name&gt;.xml.</summary>
    public static XElement Role(RoleDefinition role) => new("Role",
        new XAttribute("id", ComponentIds.Braced(RoleId(role))), new XAttribute("name", role.Name), new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
        new XElement("IsCustomizable", "1"),
        new XElement("IntroducedVersion", "1.0"),
        new XElement("RolePrivileges", role.Privileges.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
            new XElement("RolePrivilege", new XAttribute("name", p.Name), new XAttribute("level", p.Level)))));
}
