using SegmentSync.Solution.Packing;

namespace SegmentSync.Solution.Sandbox;

/// <summary>
/// What Dataverse's sandbox needs of a plug-in assembly: it binds only to the .NET Framework and the real SDK
/// (9.0.0.0, 31bf3856ad364e35), it is strong-name signed, it keeps no mutable static state (one plug-in instance
/// serves many calls at once), and every type a step or Custom API names exists and implements IPlugin.
/// </summary>
public static class SandboxChecks
{
    public const string SdkToken = "31bf3856ad364e35";
    public static readonly Version SdkVersion = new(9, 0, 0, 0);
    public static readonly IReadOnlySet<string> SdkAssemblies = new HashSet<string>(StringComparer.Ordinal) { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy" };

    /// <summary>Public key tokens of .NET Framework assemblies (ECMA, Microsoft, and the shared Microsoft key).</summary>
    public static readonly IReadOnlySet<string> FrameworkTokens = new HashSet<string>(StringComparer.Ordinal) { "b77a5c561934e089", "b03f5f7f11d50a3a", "31bf3856ad364e35" };

    /// <summary>
    /// References that are neither the SDK nor a .NET Framework 4.x assembly. <paramref name="frameworkReferenceFolder"/>
    /// (the net462 reference assemblies), when given, must also hold every framework assembly the plug-in names.
    /// </summary>
    public static IEnumerable<string> References(AssemblyInspection assembly, string? frameworkReferenceFolder = null)
    {
        foreach (var reference in assembly.References)
        {
            if (SdkAssemblies.Contains(reference.Name))
            {
                if (reference.Version != SdkVersion || reference.PublicKeyToken != SdkToken)
                    yield return $"{reference} must be version {SdkVersion} with token {SdkToken}, the SDK Dataverse loads.";
                continue;
            }

            if (reference.Name.StartsWith("Microsoft.Xrm", StringComparison.Ordinal) || reference.Name.StartsWith("Microsoft.Crm", StringComparison.Ordinal))
            {
                yield return $"{reference} is not an SDK assembly the sandbox provides (only {string.Join(", ", SdkAssemblies)}).";
                continue;
            }

            if (!FrameworkTokens.Contains(reference.PublicKeyToken) || reference.Version.Major != 4)
            {
                yield return $"{reference} is not a .NET Framework assembly: the sandbox cannot load it (merge or remove the dependency).";
                continue;
            }

            if (frameworkReferenceFolder is not null && !File.Exists(Path.Combine(frameworkReferenceFolder, reference.Name + ".dll")))
                yield return $"{reference} is not among the .NET Framework 4.6.2 reference assemblies in {frameworkReferenceFolder}.";
        }
    }

    public static IEnumerable<string> StrongName(AssemblyInspection assembly)
    {
        if (assembly.PublicKeyToken.Length == 0) yield return $"{assembly.Name} has no public key: Dataverse registers only strong-named assemblies.";
        else if (!assembly.HasStrongNameFlag) yield return $"{assembly.Name} has a public key but is not signed (delay- or public-signed).";
        else if (StrongNameVerifier.Verify(assembly.Bytes, assembly.PublicKey) is { } problem) yield return $"{assembly.Name}: {problem}.";
    }

    public static IEnumerable<string> Statics(AssemblyInspection assembly) =>
        assembly.MutableStaticFields.Select(f => f + ": plug-in instances are shared by concurrent calls; keep per-call state in the context.");

    /// <summary>Each named type exists, is a public concrete class with a usable constructor, and implements IPlugin.</summary>
    public static IEnumerable<string> PluginTypes(AssemblyInspection assembly, IEnumerable<(string Component, string TypeName)> named)
    {
        foreach (var (component, typeName) in named)
        {
            if (!assembly.Types.TryGetValue(typeName, out var type))
            {
                yield return $"{component} names plug-in type {typeName}, which {assembly.Name} does not contain.";
                continue;
            }

            if (!type.ImplementsIPlugin) yield return $"{component} names {typeName}, which does not implement {PluginAssemblyInspector.IPluginFullName}.";
            if (!type.IsPublic || !type.IsClass || type.IsAbstract) yield return $"{component} names {typeName}, which is not a public concrete class.";
            if (!type.HasPublicParameterlessOrConfigConstructor) yield return $"{component} names {typeName}, which has no public () or (string, string) constructor.";
        }
    }

    public static IReadOnlyList<string> All(AssemblyInspection assembly, IEnumerable<(string Component, string TypeName)> named, string? frameworkReferenceFolder = null) =>
        References(assembly, frameworkReferenceFolder).Concat(StrongName(assembly)).Concat(Statics(assembly)).Concat(PluginTypes(assembly, named)).ToList();
}
