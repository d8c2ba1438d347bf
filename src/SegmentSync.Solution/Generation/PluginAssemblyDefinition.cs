using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Solution.Generation;

/// <summary>The plug-in assembly as the solution registers it: its identity and its plug-in types.</summary>
public sealed record PluginAssemblyDefinition(string Name, string FullName, IReadOnlyList<string> PluginTypeNames)
{
    /// <summary>
    /// Reads the identity and the public, concrete <see cref="IPlugin"/> types of <paramref name="assembly"/> (the
    /// net10.0 build is loaded in process; it has the same name, version and key as the net462 build that ships).
    /// </summary>
    public static PluginAssemblyDefinition FromAssembly(Assembly assembly)
    {
        var name = assembly.GetName();
        var types = assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPlugin).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        return new PluginAssemblyDefinition(name.Name!, name.FullName, types);
    }

    /// <summary>"Type, Assembly, Version=…, Culture=…, PublicKeyToken=…".</summary>
    public string AssemblyQualifiedName(string typeName) => typeName + ", " + FullName;
}
