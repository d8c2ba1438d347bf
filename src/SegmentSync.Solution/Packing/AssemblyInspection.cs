namespace SegmentSync.Solution.Packing;

/// <summary>What <see cref="PluginAssemblyInspector"/> reads from an assembly file, without loading it.</summary>
public sealed class AssemblyInspection
{
    public required byte[] Bytes { get; init; }
    public required string Name { get; init; }
    public required Version Version { get; init; }

    /// <summary>"Name, Version=…, Culture=neutral, PublicKeyToken=…" (PublicKeyToken=null when unsigned).</summary>
    public required string FullName { get; init; }

    /// <summary>Lower-case hex, or empty when the assembly has no public key.</summary>
    public required string PublicKeyToken { get; init; }

    public required byte[] PublicKey { get; init; }

    /// <summary>The [TargetFramework] attribute's value, e.g. ".NETFramework,Version=v4.6.2".</summary>
    public required string? TargetFramework { get; init; }

    /// <summary>The CLI header's StrongNameSigned flag.</summary>
    public required bool HasStrongNameFlag { get; init; }

    public required IReadOnlyList<AssemblyReferenceInfo> References { get; init; }

    /// <summary>Types by full name ("Namespace.Type", nested "Outer+Inner").</summary>
    public required IReadOnlyDictionary<string, TypeInspection> Types { get; init; }

    /// <summary>Static fields whose value can change after the type is initialized (not compiler-generated).</summary>
    public required IReadOnlyList<string> MutableStaticFields { get; init; }
}

/// <summary>An assembly reference: name, version and public key token (lower-case hex, or empty).</summary>
public sealed record AssemblyReferenceInfo(string Name, Version Version, string PublicKeyToken)
{
    public override string ToString() => $"{Name}, Version={Version}, PublicKeyToken={(PublicKeyToken.Length == 0 ? "null" : PublicKeyToken)}";
}

/// <summary>A type of the inspected assembly.</summary>
public sealed record TypeInspection(string FullName, bool IsPublic, bool IsAbstract, bool IsClass, bool ImplementsIPlugin, bool HasPublicParameterlessOrConfigConstructor);
