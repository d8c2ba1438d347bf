using System;
using System.Globalization;
using System.Xml.Linq;

namespace SegmentSync.Emulator;

/// <summary>
/// Dataverse's paging cookie: &lt;cookie page="n"&gt;&lt;pk last="{id}" first="{id}" /&gt;&lt;/cookie&gt;. When a query is
/// ordered by primary key only, the next page starts strictly after "last", so deletes between pages skip nothing.
/// </summary>
internal static class PagingCookie
{
    public static string Build(string primaryKey, int page, Guid first, Guid last)
    {
        return new XElement(
            "cookie",
            new XAttribute("page", page.ToString(CultureInfo.InvariantCulture)),
            new XElement(primaryKey, new XAttribute("last", last.ToString("B").ToUpperInvariant()), new XAttribute("first", first.ToString("B").ToUpperInvariant())))
            .ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The "last" id in <paramref name="cookie"/> for <paramref name="primaryKey"/>, if the cookie is readable.</summary>
    public static Guid? LastId(string? cookie, string primaryKey)
    {
        if (string.IsNullOrWhiteSpace(cookie)) return null;
        try
        {
            var last = XElement.Parse(cookie).Element(primaryKey)?.Attribute("last")?.Value;
            return last is not null && Guid.TryParse(last, out var id) ? id : null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
