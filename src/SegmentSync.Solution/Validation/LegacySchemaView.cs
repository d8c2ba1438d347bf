using System.Xml.Linq;

namespace SegmentSync.Solution.Validation;

/// <summary>
/// customizations.xml as the 9.0.0.2090 customization schema knows it. That schema predates cloud flows and
/// connection references: it has no &lt;connectionreferences&gt; section and no &lt;JsonFileName&gt; in a &lt;Workflow&gt;
/// (see ../shared/domain/solution-format.md, 6), though Dataverse's own exports carry both. The packer validates
/// this view, and checks what it leaves out with <see cref="Packing.FlowChecks"/>.
/// </summary>
public static class LegacySchemaView
{
    /// <summary>Elements newer than the schema: sections of ImportExportXml, and children of a Workflow.</summary>
    public static readonly IReadOnlyList<string> ModernSections = new[] { "connectionreferences" };
    public static readonly IReadOnlyList<string> ModernWorkflowChildren = new[] { "JsonFileName" };

    /// <summary>A copy of <paramref name="customizations"/> without the parts the schema predates.</summary>
    public static XElement Of(XElement customizations)
    {
        var copy = new XElement(customizations);
        copy.Elements().Where(e => ModernSections.Contains(e.Name.LocalName)).Remove();
        copy.Element("Workflows")?.Elements("Workflow").Elements().Where(e => ModernWorkflowChildren.Contains(e.Name.LocalName)).Remove();
        return copy;
    }
}
