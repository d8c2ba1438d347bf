using System.Xml.Linq;

namespace SegmentSync.Solution.Packing;

/// <summary>
/// Folds the unpacked source into the packed customizations.xml, as SolutionPackager does: entities with their forms
/// and views, roles, relationships, the plug-in assembly metadata (.dll.data.xml) and the steps go into their
/// sections of Other/Customizations.xml, and so do the flows' workflow rows (.json.data.xml). Custom APIs, environment
/// variables and the flows' definitions (.json) stay in their own folders.
/// </summary>
public static class CustomizationsBuilder
{
    public static XElement Build(SolutionSource source)
    {
        var root = source.Xml("Other/Customizations.xml");
        Fill(root, "Entities", source.Paths("Entities/", "/Entity.xml").Select(p => Entity(source, p)));
        Fill(root, "Roles", source.Paths("Roles/", ".xml").Select(p => Clean(source.Xml(p))));
        Fill(root, "Workflows", source.Paths(Generation.FlowXml.Folder, ".json" + Generation.FlowXml.DataSuffix).Select(p => Clean(source.Xml(p))));
        Fill(root, "EntityRelationships", Relationships(source));
        Fill(root, "SolutionPluginAssemblies", source.Paths("PluginAssemblies/", ".dll.data.xml").Select(p => Clean(source.Xml(p))));
        Fill(root, "SdkMessageProcessingSteps", source.Paths("SdkMessageProcessingSteps/", ".xml").Select(p => Clean(source.Xml(p))));
        return root;
    }

    private static void Fill(XElement root, string section, IEnumerable<XElement> items)
    {
        var list = items.ToList();
        var element = root.Element(section);
        if (element is null)
        {
            if (list.Count == 0) return;
            throw new SolutionException($"Other/Customizations.xml has no <{section}> section for the {list.Count} component(s) the source holds.");
        }

        element.Add(list);
    }

    private static XElement Entity(SolutionSource source, string entityPath)
    {
        var folder = entityPath[..^"Entity.xml".Length];
        var entity = Clean(source.Xml(entityPath));
        var forms = source.Paths(folder + "FormXml/", ".xml")
            .Where(p => !p.EndsWith("_managed.xml", StringComparison.Ordinal))
            .GroupBy(p => p[(folder.Length + "FormXml/".Length)..].Split('/')[0], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new XElement("forms", new XAttribute("type", g.Key), g.SelectMany(p => source.Xml(p).Elements("systemform")).Select(Clean)));
        Replace(entity, "FormXml", forms);
        var views = source.Paths(folder + "SavedQueries/", ".xml").SelectMany(p => source.Xml(p).Elements("savedquery")).Select(Clean).ToList();
        Replace(entity, "SavedQueries", views.Count == 0 ? Array.Empty<XElement>() : new[] { new XElement("savedqueries", views) });
        return entity;
    }

    private static void Replace(XElement entity, string section, IEnumerable<XElement> content)
    {
        var element = entity.Element(section);
        if (element is null)
        {
            element = new XElement(section);
            entity.Add(element);
        }

        element.RemoveNodes();
        element.Add(content);
    }

    private static IEnumerable<XElement> Relationships(SolutionSource source)
    {
        var listed = source.Files.ContainsKey("Other/Relationships.xml")
            ? source.Xml("Other/Relationships.xml").Elements("EntityRelationship").Select(e => (string?)e.Attribute("Name")).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string?>();
        var defined = source.Paths("Other/Relationships/", ".xml").SelectMany(p => source.Xml(p).Elements("EntityRelationship")).Select(Clean).ToList();
        var missing = listed.Where(n => defined.All(d => (string?)d.Attribute("Name") != n)).ToList();
        if (missing.Count > 0)
            throw new SolutionException($"Other/Relationships.xml lists {string.Join(", ", missing)}, which no file in Other/Relationships/ defines.");
        return defined.OrderBy(d => (string?)d.Attribute("Name"), StringComparer.Ordinal);
    }

    /// <summary>A copy without the xmlns:xsi declaration each unpacked file repeats (the root declares it once).</summary>
    private static XElement Clean(XElement element)
    {
        var copy = new XElement(element);
        copy.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        return copy;
    }
}
