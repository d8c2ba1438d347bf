using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using static SegmentSync.Solution.XmlText;

namespace SegmentSync.Solution.Generation;

/// <summary>
/// Cloud flows and connection references in the unpacked source, shaped like Dataverse's exports (see
/// ../shared/domain/solution-format.md, 1.6): Workflows/&lt;Name&gt;-&lt;GUID&gt;.json with its .json.data.xml, and the
/// connection references in Other/Customizations.xml's &lt;connectionreferences&gt;.
/// </summary>
public static class FlowXml
{
    /// <summary>solutioncomponent.componenttype of a workflow (cloud flows included).</summary>
    public const int WorkflowComponent = 29;

    /// <summary>workflow.category of a modern (cloud) flow.</summary>
    public const int ModernFlowCategory = 5;

    public const string Folder = "Workflows/";
    public const string DataSuffix = ".data.xml";

    public static Guid Id(FlowDefinition flow) => ComponentIds.For("workflow", flow.Name);

    /// <summary>"SegmentSync-Refreshallsegments-&lt;GUID&gt;.json": the name's letters, digits and hyphens, then the upper-case id.</summary>
    public static string FileName(FlowDefinition flow) =>
        new string(flow.Name.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray()) + "-" + Id(flow).ToString("D").ToUpperInvariant() + ".json";

    /// <summary>Adds the flows' files and the connection references to the generated source.</summary>
    public static void AddTo(IDictionary<string, string> files, SolutionDefinition d)
    {
        if (d.ConnectionReferences.Count > 0)
        {
            var residual = ComponentXml.ResidualCustomizations();
            // After the other component sections, before <Languages>, as Dataverse exports them.
            residual.Element("Languages")!.AddBeforeSelf(ConnectionReferences(d.ConnectionReferences));
            files["Other/Customizations.xml"] = Write(residual, declaration: true);
        }

        foreach (var flow in d.Flows)
        {
            files[Folder + FileName(flow)] = Json(flow);
            files[Folder + FileName(flow) + DataSuffix] = Write(Metadata(flow), declaration: true);
        }
    }

    public static XElement ConnectionReferences(IEnumerable<ConnectionReferenceDefinition> references) => new("connectionreferences",
        references.OrderBy(r => r.LogicalName, StringComparer.Ordinal).Select(r => new XElement("connectionreference",
            new XAttribute("connectionreferencelogicalname", r.LogicalName),
            new XElement("connectionreferencedisplayname", r.DisplayName),
            new XElement("connectorid", r.ConnectorId),
            new XElement("description", r.Description),
            new XElement("iscustomizable", "1"),
            new XElement("statecode", "0"),
            new XElement("statuscode", "1"))));

    /// <summary>The .json.data.xml: the workflow row of a cloud flow (category 5), on or off after import.</summary>
    public static XElement Metadata(FlowDefinition flow) => new("Workflow",
        new XAttribute("WorkflowId", ComponentIds.Braced(Id(flow))),
        new XAttribute("Name", flow.Name),
        new XAttribute("Description", flow.Description),
        new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
        new XElement("JsonFileName", "/" + Folder + FileName(flow)),
        new XElement("Type", "1"),
        new XElement("Subprocess", "0"),
        new XElement("Category", ModernFlowCategory.ToString(CultureInfo.InvariantCulture)),
        new XElement("Mode", "0"),
        new XElement("Scope", "4"),
        new XElement("OnDemand", "0"),
        new XElement("TriggerOnCreate", "0"),
        new XElement("TriggerOnDelete", "0"),
        new XElement("AsyncAutodelete", "0"),
        new XElement("SyncWorkflowLogOnFailure", "0"),
        new XElement("StateCode", flow.IsOnAfterImport ? "1" : "0"),
        new XElement("StatusCode", flow.IsOnAfterImport ? "2" : "1"),
        new XElement("RunAs", "1"),
        new XElement("IsTransacted", "1"),
        new XElement("IntroducedVersion", "1.0"),
        new XElement("IsCustomizable", "1"),
        new XElement("PrimaryEntity", "none"),
        Localized("LocalizedNames", "LocalizedName", flow.Name),
        Localized("Descriptions", "Description", flow.Description));

    /// <summary>The flow's file: its connection references and definition, as Power Automate exports them.</summary>
    public static string Json(FlowDefinition flow)
    {
        var references = new JsonObject();
        foreach (var reference in flow.ConnectionReferences)
        {
            references[reference.ApiName] = new JsonObject
            {
                ["runtimeSource"] = "embedded",
                ["connection"] = new JsonObject { ["connectionReferenceLogicalName"] = reference.LogicalName },
                ["api"] = new JsonObject { ["name"] = reference.ApiName },
            };
        }

        var file = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["connectionReferences"] = references,
                ["definition"] = flow.Definition.DeepClone(),
                ["templateName"] = "",
            },
            ["schemaVersion"] = "1.0.0.0",
        };
        return file.ToJsonString(JsonOptions).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Indented, with quotes and the expression language's characters written as they are.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
