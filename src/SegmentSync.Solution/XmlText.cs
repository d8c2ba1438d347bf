using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SegmentSync.Solution;

/// <summary>Writes XML the way Dataverse exports it: UTF-8 without BOM, two-space indent, \n line ends.</summary>
public static class XmlText
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The serialized document; <paramref name="declaration"/> adds &lt;?xml version="1.0" encoding="utf-8"?&gt;.</summary>
    public static string Write(XElement root, bool declaration)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = true,
            Encoding = new UTF8Encoding(false),
        };
        var text = new StringBuilder();
        if (declaration) text.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        using (var writer = XmlWriter.Create(text, settings))
        {
            root.WriteTo(writer);
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Parses XML text, with a message that names the file when it is not well formed.</summary>
    public static XElement Parse(string text, string source)
    {
        try
        {
            return XElement.Parse(text, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new SolutionException($"{source} is not well-formed XML: {e.Message}", e);
        }
    }

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>The text of a UTF-8 file, without a BOM if it has one.</summary>
    public static string FromUtf8(byte[] bytes)
    {
        var text = new UTF8Encoding(false).GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>The value of child <paramref name="name"/>, or null.</summary>
    public static string? Child(this XElement element, string name) => element.Element(name)?.Value;

    /// <summary>The value of child <paramref name="name"/>; a clear error when it is missing.</summary>
    public static string Required(this XElement element, string name, string source) =>
        element.Element(name)?.Value ?? throw new SolutionException($"{source}: <{element.Name.LocalName}> has no <{name}>.");

    /// <summary>&lt;tag default="text"&gt;&lt;label description="text" languagecode="1033"/&gt;&lt;/tag&gt; (Custom API and environment variable labels).</summary>
    public static XElement DefaultLabel(string tag, string text) =>
        new(tag, new XAttribute("default", text), new XElement("label", new XAttribute("description", text), new XAttribute("languagecode", "1033")));

    /// <summary>&lt;container&gt;&lt;item description="text" languagecode="1033"/&gt;&lt;/container&gt;.</summary>
    public static XElement Localized(string container, string item, string text) =>
        new(container, new XElement(item, new XAttribute("description", text), new XAttribute("languagecode", "1033")));

    public static string Bit(bool value) => value ? "1" : "0";
}
