using SegmentSync.Plugins.Domain;

namespace SegmentSync.Solution.Generation;

/// <summary>
/// Solution component ids: name-based GUIDs of (kind, name), so the same component keeps its id in every generation
/// and every environment, and the generated source never changes unless a name does.
/// </summary>
public static class ComponentIds
{
    private static readonly Guid Namespace = new("7c1e4b7a-53f1-4f0e-9d6a-1b0f5c2e8a31");

    public static Guid For(string kind, string name) => NameBasedGuid.Create(Namespace, kind + ":" + name);

    /// <summary>"{lower-case-guid}", as form, view and step ids are written.</summary>
    public static string Braced(Guid id) => "{" + id.ToString("D") + "}";
}
