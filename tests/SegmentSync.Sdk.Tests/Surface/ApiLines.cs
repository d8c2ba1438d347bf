using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SegmentSync.Sdk.Tests.Surface;

/// <summary>
/// Lists the public surface of an assembly from its metadata, one line per visible type (T), method (M), field (F)
/// and property (P), in the format of Reference/Microsoft.Xrm.Sdk.api.txt:
/// <code>
/// T [abstract] [sealed] class|interface|struct|enum Namespace.Type`N&lt;T1,..&gt; : BaseType ; implements I1, I2
/// M Namespace.Type :: [static] [virtual|abstract] ReturnType Name&lt;T&gt;(ParamType, ...)
/// F Namespace.Type :: [static] FieldType Name [= constant]
/// P Namespace.Type :: PropertyType Name[IndexParams] { get; set; }
/// </code>
/// Protected members count as visible (a derived class outside the assembly can use them).
/// </summary>
internal static class ApiLines
{
    public static IReadOnlyList<string> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new SignatureNames(md);
        var lines = new List<string>();

        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            if (!IsVisible(md, type)) continue;
            var typeName = names.GetTypeFromDefinition(md, handle, 0);
            lines.Add(TypeLine(md, names, type, typeName));
            lines.AddRange(MethodLines(md, names, type, typeName));
            lines.AddRange(FieldLines(md, names, type, typeName));
            lines.AddRange(PropertyLines(md, names, type, typeName));
        }

        return lines;
    }

    private static bool IsVisible(MetadataReader md, TypeDefinition type)
    {
        switch (type.Attributes & TypeAttributes.VisibilityMask)
        {
            case TypeAttributes.Public:
                return true;
            case TypeAttributes.NestedPublic:
            case TypeAttributes.NestedFamily:
            case TypeAttributes.NestedFamORAssem:
                return IsVisible(md, md.GetTypeDefinition(type.GetDeclaringType()));
            default:
                return false;
        }
    }

    private static bool IsVisible(MethodAttributes attributes)
    {
        var access = attributes & MethodAttributes.MemberAccessMask;
        return access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;
    }

    private static string GenericParameters(MetadataReader md, GenericParameterHandleCollection parameters)
    {
        if (parameters.Count == 0) return string.Empty;
        return "<" + string.Join(",", parameters.Select(p => md.GetString(md.GetGenericParameter(p).Name))) + ">";
    }

    private static string TypeLine(MetadataReader md, SignatureNames names, TypeDefinition type, string typeName)
    {
        var baseType = type.BaseType.IsNil ? string.Empty : names.Of(type.BaseType);
        var kind = (type.Attributes & TypeAttributes.Interface) != 0 ? "interface"
            : baseType == "System.Enum" ? "enum"
            : baseType == "System.ValueType" ? "struct"
            : "class";
        var modifiers = ((type.Attributes & TypeAttributes.Abstract) != 0 ? "abstract " : string.Empty)
            + ((type.Attributes & TypeAttributes.Sealed) != 0 ? "sealed " : string.Empty);
        var interfaces = string.Join(", ", type.GetInterfaceImplementations()
            .Select(i => names.Of(md.GetInterfaceImplementation(i).Interface)));
        return $"T {modifiers}{kind} {typeName}{GenericParameters(md, type.GetGenericParameters())}"
            + (baseType.Length > 0 ? " : " + baseType : string.Empty)
            + (interfaces.Length > 0 ? " ; implements " + interfaces : string.Empty);
    }

    private static IEnumerable<string> MethodLines(MetadataReader md, SignatureNames names, TypeDefinition type, string typeName)
    {
        foreach (var handle in type.GetMethods())
        {
            var method = md.GetMethodDefinition(handle);
            if (!IsVisible(method.Attributes)) continue;
            var signature = method.DecodeSignature(names, null);
            var isStatic = (method.Attributes & MethodAttributes.Static) != 0 ? "static " : string.Empty;
            var dispatch = (method.Attributes & MethodAttributes.Abstract) != 0 ? "abstract "
                : (method.Attributes & MethodAttributes.Virtual) != 0 ? "virtual "
                : string.Empty;
            yield return $"M {typeName} :: {isStatic}{dispatch}{signature.ReturnType} {md.GetString(method.Name)}"
                + $"{GenericParameters(md, method.GetGenericParameters())}({string.Join(", ", signature.ParameterTypes)})";
        }
    }

    private static IEnumerable<string> FieldLines(MetadataReader md, SignatureNames names, TypeDefinition type, string typeName)
    {
        foreach (var handle in type.GetFields())
        {
            var field = md.GetFieldDefinition(handle);
            var access = field.Attributes & FieldAttributes.FieldAccessMask;
            if (access != FieldAttributes.Public && access != FieldAttributes.Family) continue;
            var isStatic = (field.Attributes & FieldAttributes.Static) != 0 ? "static " : string.Empty;
            yield return $"F {typeName} :: {isStatic}{field.DecodeSignature(names, null)} {md.GetString(field.Name)}{Constant(md, field)}";
        }
    }

    private static string Constant(MetadataReader md, FieldDefinition field)
    {
        var handle = field.GetDefaultValue();
        if (handle.IsNil) return string.Empty;
        var constant = md.GetConstant(handle);
        var reader = md.GetBlobReader(constant.Value);
        var text = constant.TypeCode switch
        {
            ConstantTypeCode.Int32 => reader.ReadInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Int64 => reader.ReadInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.String => "\"" + reader.ReadUTF16(reader.Length) + "\"",
            _ => constant.TypeCode.ToString(),
        };
        return " = " + text;
    }

    private static IEnumerable<string> PropertyLines(MetadataReader md, SignatureNames names, TypeDefinition type, string typeName)
    {
        foreach (var handle in type.GetProperties())
        {
            var property = md.GetPropertyDefinition(handle);
            var accessors = property.GetAccessors();
            var hasGetter = !accessors.Getter.IsNil && IsVisible(md.GetMethodDefinition(accessors.Getter).Attributes);
            var hasSetter = !accessors.Setter.IsNil && IsVisible(md.GetMethodDefinition(accessors.Setter).Attributes);
            if (!hasGetter && !hasSetter) continue;
            var signature = property.DecodeSignature(names, null);
            var indexer = signature.ParameterTypes.Length > 0 ? "[" + string.Join(", ", signature.ParameterTypes) + "]" : string.Empty;
            yield return $"P {typeName} :: {signature.ReturnType} {md.GetString(property.Name)}{indexer} {{"
                + (hasGetter ? " get;" : string.Empty) + (hasSetter ? " set;" : string.Empty) + " }";
        }
    }

    /// <summary>Writes types as in the listing: namespace-qualified, nested with '+', generic parameters as !0 / !!0.</summary>
    private sealed class SignatureNames(MetadataReader md) : ISignatureTypeProvider<string, object?>
    {
        public string Of(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => GetTypeFromDefinition(md, (TypeDefinitionHandle)handle, 0),
            HandleKind.TypeReference => GetTypeFromReference(md, (TypeReferenceHandle)handle, 0),
            HandleKind.TypeSpecification => GetTypeFromSpecification(md, null, (TypeSpecificationHandle)handle, 0),
            _ => "?",
        };

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
            genericType + "<" + string.Join(",", typeArguments) + ">";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
            unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

        public string GetPinnedType(string elementType) => elementType;

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = reader.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            if (!declaring.IsNil) return GetTypeFromDefinition(reader, declaring, rawTypeKind) + "+" + name;
            var ns = reader.GetString(type.Namespace);
            return ns.Length > 0 ? ns + "." + name : name;
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = reader.GetTypeReference(handle);
            var name = reader.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind) + "+" + name;
            }

            var ns = reader.GetString(type.Namespace);
            return ns.Length > 0 ? ns + "." + name : name;
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
