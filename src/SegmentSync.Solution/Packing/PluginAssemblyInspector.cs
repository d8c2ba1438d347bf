using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SegmentSync.Solution.Packing;

/// <summary>
/// Reads a plug-in assembly's identity, references, types and static fields with System.Reflection.Metadata: nothing
/// is loaded or run, so a net462 assembly can be inspected from .NET 10.
/// </summary>
public static class PluginAssemblyInspector
{
    public const string IPluginFullName = "Microsoft.Xrm.Sdk.IPlugin";

    public static AssemblyInspection Inspect(string path)
    {
        if (!File.Exists(path)) throw new SolutionException($"Plug-in assembly {path} does not exist. Build it: dotnet build src/SegmentSync.Plugins -c Release -f net462.");
        return Inspect(File.ReadAllBytes(path));
    }

    public static AssemblyInspection Inspect(byte[] bytes)
    {
        using var pe = new PEReader(ImmutableArray.Create(bytes));
        if (!pe.HasMetadata) throw new SolutionException("The plug-in assembly file is not a .NET assembly.");
        var md = pe.GetMetadataReader();
        var definition = md.GetAssemblyDefinition();
        var publicKey = md.GetBlobBytes(definition.PublicKey);
        var identity = new AssemblyName { Name = md.GetString(definition.Name), Version = definition.Version, CultureName = md.GetString(definition.Culture) };
        if (publicKey.Length > 0) identity.SetPublicKey(publicKey);
        else identity.SetPublicKeyToken(Array.Empty<byte>());
        var token = identity.GetPublicKeyToken() ?? Array.Empty<byte>();

        var types = new Dictionary<string, TypeInspection>(StringComparer.Ordinal);
        var implements = new Dictionary<TypeDefinitionHandle, bool>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var name = FullName(md, handle);
            if (name == "<Module>") continue;
            var attributes = type.Attributes;
            var visibility = attributes & TypeAttributes.VisibilityMask;
            var isPublic = visibility == TypeAttributes.Public || (visibility == TypeAttributes.NestedPublic);
            var isClass = (attributes & TypeAttributes.Interface) == 0;
            types[name] = new TypeInspection(name, isPublic, (attributes & TypeAttributes.Abstract) != 0, isClass,
                ImplementsIPlugin(md, handle, implements), HasUsableConstructor(md, type));
        }

        return new AssemblyInspection
        {
            Bytes = bytes,
            Name = identity.Name!,
            Version = definition.Version,
            FullName = identity.FullName,
            PublicKeyToken = Convert.ToHexString(token).ToLowerInvariant(),
            PublicKey = publicKey,
            TargetFramework = TargetFramework(md),
            HasStrongNameFlag = pe.PEHeaders.CorHeader is { } cor && (cor.Flags & CorFlags.StrongNameSigned) != 0,
            References = md.AssemblyReferences.Select(h =>
            {
                var reference = md.GetAssemblyReference(h);
                var keyOrToken = md.GetBlobBytes(reference.PublicKeyOrToken);
                var referenceToken = (reference.Flags & AssemblyFlags.PublicKey) != 0 ? TokenOf(keyOrToken) : keyOrToken;
                return new AssemblyReferenceInfo(md.GetString(reference.Name), reference.Version, Convert.ToHexString(referenceToken).ToLowerInvariant());
            }).ToList(),
            Types = types,
            MutableStaticFields = MutableStatics(md).ToList(),
        };
    }

    private static byte[] TokenOf(byte[] publicKey)
    {
        var name = new AssemblyName();
        name.SetPublicKey(publicKey);
        return name.GetPublicKeyToken() ?? Array.Empty<byte>();
    }

    /// <summary>"Namespace.Type", or "Namespace.Outer+Inner" for nested types.</summary>
    public static string FullName(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var name = md.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return FullName(md, declaring) + "+" + name;
        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string ReferenceName(MetadataReader md, TypeReferenceHandle handle)
    {
        var reference = md.GetTypeReference(handle);
        var name = md.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference) return ReferenceName(md, (TypeReferenceHandle)reference.ResolutionScope) + "+" + name;
        var ns = md.GetString(reference.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string? HandleName(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => ReferenceName(md, (TypeReferenceHandle)handle),
        HandleKind.TypeDefinition => FullName(md, (TypeDefinitionHandle)handle),
        _ => null,
    };

    private static bool ImplementsIPlugin(MetadataReader md, TypeDefinitionHandle handle, Dictionary<TypeDefinitionHandle, bool> memo)
    {
        if (memo.TryGetValue(handle, out var known)) return known;
        memo[handle] = false;
        var type = md.GetTypeDefinition(handle);
        var result = type.GetInterfaceImplementations().Any(i => HandleName(md, md.GetInterfaceImplementation(i).Interface) == IPluginFullName)
            || (!type.BaseType.IsNil && type.BaseType.Kind == HandleKind.TypeDefinition && ImplementsIPlugin(md, (TypeDefinitionHandle)type.BaseType, memo));
        memo[handle] = result;
        return result;
    }

    /// <summary>A public constructor Dataverse can call: () or (string unsecureConfig, string secureConfig).</summary>
    private static bool HasUsableConstructor(MetadataReader md, TypeDefinition type)
    {
        foreach (var methodHandle in type.GetMethods())
        {
            var method = md.GetMethodDefinition(methodHandle);
            if (md.GetString(method.Name) != ".ctor" || (method.Attributes & MethodAttributes.MemberAccessMask) != MethodAttributes.Public) continue;
            var signature = method.DecodeSignature(SignatureNames.Instance, null);
            if (signature.ParameterTypes.Length == 0 || signature.ParameterTypes.SequenceEqual(new[] { "System.String", "System.String" })) return true;
        }

        return false;
    }

    private static string? TargetFramework(MetadataReader md)
    {
        foreach (var attributeHandle in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(attributeHandle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var constructor = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (HandleName(md, constructor.Parent) != "System.Runtime.Versioning.TargetFrameworkAttribute") continue;
            var value = attribute.DecodeValue(SignatureNames.Instance);
            return value.FixedArguments.Length > 0 ? value.FixedArguments[0].Value as string : null;
        }

        return null;
    }

    private static IEnumerable<string> MutableStatics(MetadataReader md)
    {
        foreach (var handle in md.TypeDefinitions)
        {
            var typeName = FullName(md, handle);
            if (IsCompilerGenerated(typeName)) continue;
            foreach (var fieldHandle in md.GetTypeDefinition(handle).GetFields())
            {
                var field = md.GetFieldDefinition(fieldHandle);
                var attributes = field.Attributes;
                if ((attributes & FieldAttributes.Static) == 0 || (attributes & FieldAttributes.Literal) != 0) continue;
                var name = md.GetString(field.Name);
                if (IsCompilerGenerated(name)) continue;
                var fieldType = field.DecodeSignature(SignatureNames.Instance, null);
                if ((attributes & FieldAttributes.InitOnly) == 0)
                {
                    yield return $"{typeName}.{name} ({fieldType}) is static and not readonly";
                }
                else if (SignatureNames.IsMutableType(fieldType))
                {
                    yield return $"{typeName}.{name} is static readonly but its {fieldType} can be changed";
                }
            }
        }
    }

    private static bool IsCompilerGenerated(string name) => name.Contains('<', StringComparison.Ordinal);
}
