using System.Globalization;
using System.Xml.Linq;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Sandbox;

namespace SegmentSync.Solution.Packing;

/// <summary>
/// Checks that a solution source agrees with itself, with the plug-in assembly it ships and with the C# schema:
/// every problem is reported, each in a sentence that names the component and the fix.
/// </summary>
public static class ConsistencyChecker
{
    public static IReadOnlyList<string> Check(SolutionSource source, XElement customizations, AssemblyInspection assembly, IReadOnlyList<CustomApiDescriptor>? expectedApis)
    {
        var problems = new List<string>();
        var manifest = source.Manifest.Element("SolutionManifest") ?? throw new SolutionException("Other/Solution.xml has no <SolutionManifest>.");
        var publisher = manifest.Element("Publisher") ?? throw new SolutionException("Other/Solution.xml has no <Publisher>.");
        var prefix = publisher.Child("CustomizationPrefix") ?? "";
        var optionPrefix = int.TryParse(publisher.Child("CustomizationOptionValuePrefix"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;
        if (optionPrefix is < 10000 or > 99999) problems.Add($"Other/Solution.xml: CustomizationOptionValuePrefix '{publisher.Child("CustomizationOptionValuePrefix")}' must be a 5-digit number.");

        // The plug-in assembly and its types.
        var assemblies = customizations.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly").ToList() ?? new List<XElement>();
        var pluginTypes = new Dictionary<Guid, string>();
        var registered = assemblies.Where(a => ((string?)a.Attribute("FullName") ?? "").Split(',')[0] == assembly.Name).ToList();
        if (registered.Count != 1)
        {
            problems.Add($"The solution registers {registered.Count} plug-in assemblies named {assembly.Name}; it must register exactly one (PluginAssemblies/{assembly.Name}-<GUID>/{assembly.Name}.dll.data.xml).");
        }

        foreach (var element in registered)
        {
            var fullName = (string?)element.Attribute("FullName");
            if (fullName != assembly.FullName)
                problems.Add($"The solution registers {fullName}, but the assembly built is {assembly.FullName}: regenerate the source (segsync solution generate) or fix the assembly's version and key.");
            foreach (var type in element.Element("PluginTypes")?.Elements("PluginType") ?? Enumerable.Empty<XElement>())
            {
                var name = (string?)type.Attribute("Name") ?? "";
                if (Guid.TryParse((string?)type.Attribute("PluginTypeId"), out var id)) pluginTypes[id] = name;
                else problems.Add($"Plug-in type {name} has no valid PluginTypeId.");
                if ((string?)type.Attribute("AssemblyQualifiedName") != name + ", " + assembly.FullName)
                    problems.Add($"Plug-in type {name}: AssemblyQualifiedName '{(string?)type.Attribute("AssemblyQualifiedName")}' does not name {assembly.FullName}.");
            }
        }

        problems.AddRange(SandboxChecks.PluginTypes(assembly, pluginTypes.Values.Select(t => ("Plug-in type registration", t))));

        // Steps.
        foreach (var step in customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep") ?? Enumerable.Empty<XElement>())
        {
            var stepName = (string?)step.Attribute("Name") ?? "(unnamed)";
            if (!Guid.TryParse(step.Child("PluginTypeId"), out var typeId) || !pluginTypes.TryGetValue(typeId, out var typeName))
                problems.Add($"Step '{stepName}' runs plug-in type {step.Child("PluginTypeId")}, which the plug-in assembly does not register.");
            else if (!(step.Child("PluginTypeName") ?? "").StartsWith(typeName + ",", StringComparison.Ordinal))
                problems.Add($"Step '{stepName}': PluginTypeName '{step.Child("PluginTypeName")}' is not the registered type {typeName}.");
        }

        // Custom APIs.
        var apis = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var path in source.CustomApiPaths)
        {
            var folder = path.Split('/')[1];
            var api = source.Xml(path);
            var uniqueName = (string?)api.Attribute("uniquename") ?? "";
            apis[uniqueName] = api;
            if (uniqueName != folder) problems.Add($"{path}: uniquename '{uniqueName}' differs from its folder '{folder}'.");
            if (!uniqueName.StartsWith(prefix + "_", StringComparison.Ordinal)) problems.Add($"Custom API '{uniqueName}' does not start with the publisher's prefix '{prefix}_'.");
            if (api.Child("isfunction") != "0") problems.Add($"Custom API '{uniqueName}' is a function; Power Automate's \"Perform an unbound action\" calls only actions (isfunction 0).");
            if (api.Child("bindingtype") != "0") problems.Add($"Custom API '{uniqueName}' is bound (bindingtype {api.Child("bindingtype")}); SegmentSync's APIs are unbound.");
            if (string.IsNullOrEmpty(api.Child("executeprivilegename"))) problems.Add($"Custom API '{uniqueName}' has no executeprivilegename: anyone could run it.");
            var key = api.Element("plugintypeid")?.Elements().FirstOrDefault()?.Value;
            if (!Guid.TryParse(key, out var boundType) || !pluginTypes.ContainsKey(boundType))
                problems.Add($"Custom API '{uniqueName}' is bound to plug-in type {key ?? "(none)"}, which the plug-in assembly does not register (registered: {string.Join(", ", pluginTypes.Values.Order(StringComparer.Ordinal))}).");
            foreach (var parameterPath in source.Paths("customapis/" + folder + "/customapirequestparameters/", "/customapirequestparameter.xml"))
            {
                var parameter = source.Xml(parameterPath);
                if (parameter.Element("isoptional") is null) problems.Add($"{parameterPath}: a request parameter needs <isoptional>.");
                CheckType(parameterPath, parameter, problems);
            }

            foreach (var propertyPath in source.Paths("customapis/" + folder + "/customapiresponseproperties/", "/customapiresponseproperty.xml"))
            {
                var property = source.Xml(propertyPath);
                if (property.Element("isoptional") is not null) problems.Add($"{propertyPath}: a response property must not have <isoptional> (Dataverse refuses the import).");
                CheckType(propertyPath, property, problems);
            }
        }

        if (expectedApis is not null) problems.AddRange(CompareWithSchema(source, expectedApis, apis, pluginTypes));

        // Environment variables and tables carry the publisher's prefixes.
        foreach (var path in source.Paths("environmentvariabledefinitions/", "/environmentvariabledefinition.xml"))
        {
            var name = (string?)source.Xml(path).Attribute("schemaname") ?? "";
            if (!name.StartsWith(prefix + "_", StringComparison.Ordinal)) problems.Add($"Environment variable '{name}' does not start with the publisher's prefix '{prefix}_'.");
        }

        foreach (var entity in customizations.Element("Entities")?.Elements("Entity") ?? Enumerable.Empty<XElement>())
        {
            var name = entity.Child("Name") ?? "";
            if (!name.StartsWith(prefix + "_", StringComparison.Ordinal)) problems.Add($"Table '{name}' does not start with the publisher's prefix '{prefix}_'.");
            foreach (var option in entity.Descendants("optionset").Where(o => o.Child("OptionSetType") == "picklist").SelectMany(o => o.Descendants("option")))
            {
                var value = int.Parse((string)option.Attribute("value")!, CultureInfo.InvariantCulture);
                if (value / 10000 != optionPrefix) problems.Add($"Option value {value} of table '{name}' does not start with the publisher's option value prefix {optionPrefix}.");
            }
        }

        return problems;
    }

    private static void CheckType(string path, XElement field, List<string> problems)
    {
        if (!int.TryParse(field.Child("type"), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || !Enum.IsDefined(typeof(ApiFieldType), code))
            problems.Add($"{path}: type '{field.Child("type")}' is not a Custom API type code (0-12).");
    }

    /// <summary>The Custom APIs in the source are exactly those the plug-ins declare, with the same parameters and types.</summary>
    private static IEnumerable<string> CompareWithSchema(SolutionSource source, IReadOnlyList<CustomApiDescriptor> expected, Dictionary<string, XElement> apis, Dictionary<Guid, string> pluginTypes)
    {
        foreach (var descriptor in expected)
        {
            if (!apis.TryGetValue(descriptor.UniqueName, out var api))
            {
                yield return $"The plug-ins expose Custom API {descriptor.UniqueName} ({descriptor.PluginTypeName}), but customapis/{descriptor.UniqueName}/customapi.xml is missing.";
                continue;
            }

            var key = api.Element("plugintypeid")?.Elements().FirstOrDefault()?.Value;
            if (Guid.TryParse(key, out var typeId) && pluginTypes.TryGetValue(typeId, out var bound) && bound != descriptor.PluginTypeName)
                yield return $"Custom API {descriptor.UniqueName} is bound to {bound}, but its plug-in is {descriptor.PluginTypeName}.";
            if (api.Child("executeprivilegename") != descriptor.ExecutePrivilegeName)
                yield return $"Custom API {descriptor.UniqueName}: executeprivilegename '{api.Child("executeprivilegename")}' differs from the plug-in's {descriptor.ExecutePrivilegeName}.";

            var folder = "customapis/" + descriptor.UniqueName + "/";
            foreach (var problem in CompareFields(source, descriptor, "request parameter", descriptor.RequestParameters, folder + "customapirequestparameters/", "customapirequestparameter.xml", checkOptional: true))
                yield return problem;
            foreach (var problem in CompareFields(source, descriptor, "response property", descriptor.ResponseProperties, folder + "customapiresponseproperties/", "customapiresponseproperty.xml", checkOptional: false))
                yield return problem;
        }

        foreach (var name in apis.Keys.Where(n => expected.All(e => e.UniqueName != n)))
            yield return $"customapis/{name} declares a Custom API that no plug-in implements (not in CustomApis.All).";
    }

    private static IEnumerable<string> CompareFields(SolutionSource source, CustomApiDescriptor api, string kind, IReadOnlyList<ApiField> fields, string folder, string file, bool checkOptional)
    {
        var declared = source.Paths(folder, "/" + file).ToDictionary(p => (string?)source.Xml(p).Attribute("uniquename") ?? "", p => source.Xml(p), StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!declared.TryGetValue(field.UniqueName, out var xml))
            {
                yield return $"Custom API {api.UniqueName}: the plug-in {(checkOptional ? "reads" : "writes")} {kind} '{field.UniqueName}' ({field.Type}{(checkOptional ? field.IsOptional ? ", optional" : ", required" : "")}), which the metadata lacks ({folder}{field.UniqueName}/{file}).";
                continue;
            }

            var type = ((int)field.Type).ToString(CultureInfo.InvariantCulture);
            if (xml.Child("type") != type)
                yield return $"Custom API {api.UniqueName}: {kind} '{field.UniqueName}' has type {xml.Child("type")} in the metadata, but the plug-in uses {field.Type} ({type}).";
            if (checkOptional && xml.Child("isoptional") != XmlText.Bit(field.IsOptional))
                yield return $"Custom API {api.UniqueName}: {kind} '{field.UniqueName}' is {(xml.Child("isoptional") == "1" ? "optional" : "required")} in the metadata, but {(field.IsOptional ? "optional" : "required")} for the plug-in.";
        }

        foreach (var name in declared.Keys.Where(n => fields.All(f => f.UniqueName != n)))
            yield return $"Custom API {api.UniqueName}: the metadata declares {kind} '{name}', which the plug-in does not {(checkOptional ? "read" : "write")}.";
    }
}
