using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace SegmentSync.Solution.Validation;

/// <summary>
/// Validates customizations.xml against Dataverse's customization schema (CustomizationsSolution.xsd and the files it
/// includes) with .NET's XmlSchemaSet, which understands the schema's regular expressions.
/// </summary>
public static class CustomizationsSchema
{
    public const string MainSchema = "CustomizationsSolution.xsd";

    /// <summary>The schema folder beside the repository (../shared/reference/schemas), or null when it is absent.</summary>
    public static string? FindBeside(string repositoryRoot)
    {
        var folder = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "reference", "schemas"));
        return File.Exists(Path.Combine(folder, MainSchema)) ? folder : null;
    }

    /// <summary>Every validation error and warning, with its line; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Validate(string xml, string schemaFolder)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(Path.GetFullPath(schemaFolder), MainSchema));
        set.Compile();
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"customizations.xml line {e.Exception?.LineNumber}: {e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    public static IReadOnlyList<string> Validate(XElement customizations, string schemaFolder) => Validate(XmlText.Write(customizations, declaration: false), schemaFolder);
}
