using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Emulator;
using SegmentSync.Solution.Generation;
using E = SegmentSync.Plugins.Schema.EnvironmentVariableTables;

namespace SegmentSync.Solution.Installing;

/// <summary>What installing a packed solution registered.</summary>
public sealed class InstalledSolution
{
    public required Assembly PluginAssembly { get; init; }

    /// <summary>Plug-in types by PluginTypeId.</summary>
    public required IReadOnlyDictionary<Guid, Type> PluginTypes { get; init; }

    public required IReadOnlyList<CustomApiDefinition> CustomApis { get; init; }

    /// <summary>Each Custom API's plug-in type.</summary>
    public required IReadOnlyDictionary<string, Type> CustomApiPlugins { get; init; }

    public required IReadOnlyList<StepRegistration> Steps { get; init; }
    public required IReadOnlyList<TableDefinition> Tables { get; init; }

    /// <summary>Environment variable definitions: schema name to default value.</summary>
    public required IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; }
}

/// <summary>
/// Installs a packed solution into an in-memory Dataverse as an import would: creates its tables and relationships
/// from customizations.xml, loads the plug-in assembly from the zip (the net462 build itself), and registers its
/// plug-in types, steps and Custom APIs from the zip's metadata.
/// </summary>
public static class SolutionInstaller
{
    public static InstalledSolution Install(InMemoryDataverse dataverse, PackedSolution solution)
    {
        var (tables, relationships) = EntityReader.Read(solution.Customizations);
        foreach (var table in tables) dataverse.Metadata.AddTable(table);
        foreach (var relationship in relationships) dataverse.Metadata.AddRelationship(relationship);

        var registration = solution.Customizations.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly").ToList() ?? new List<XElement>();
        if (registration.Count != 1) throw new SolutionException($"{solution.Source} registers {registration.Count} plug-in assemblies; the emulator installs exactly one.");
        var assemblyXml = registration[0];
        var fullName = (string)assemblyXml.Attribute("FullName")!;
        var fileName = assemblyXml.Required("FileName", "PluginAssembly").TrimStart('/');
        var assembly = PluginAssemblyLoader.Load(solution.Bytes(fileName));
        if (assembly.GetName().FullName != fullName)
            throw new SolutionException($"{fileName} is {assembly.GetName().FullName}, but the solution registers {fullName}.");

        var types = new Dictionary<Guid, Type>();
        foreach (var typeXml in assemblyXml.Element("PluginTypes")?.Elements("PluginType") ?? Enumerable.Empty<XElement>())
        {
            var name = (string)typeXml.Attribute("Name")!;
            var type = assembly.GetType(name, throwOnError: false) ?? throw new SolutionException($"Plug-in type {name} is registered, but {assembly.GetName().Name} does not contain it.");
            if (!typeof(IPlugin).IsAssignableFrom(type)) throw new SolutionException($"Plug-in type {name} does not implement IPlugin.");
            types[Guid.Parse((string)typeXml.Attribute("PluginTypeId")!)] = type;
        }

        var apis = new List<CustomApiDefinition>();
        var apiPlugins = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var path in solution.Paths("customapis/", "/customapi.xml").Where(p => p.Count(c => c == '/') == 2))
        {
            var (api, typeId) = ReadCustomApi(solution, path);
            if (!types.TryGetValue(typeId, out var pluginType))
                throw new SolutionException($"Custom API {api.UniqueName} is bound to plug-in type {typeId}, which the solution does not register.");
            dataverse.Plugins.RegisterCustomApi(api, () => CreatePlugin(pluginType, null, null));
            apis.Add(api);
            apiPlugins[api.UniqueName] = pluginType;
        }

        var steps = new List<StepRegistration>();
        foreach (var stepXml in solution.Customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep") ?? Enumerable.Empty<XElement>())
        {
            var (step, typeId, configuration) = ReadStep(stepXml);
            if (!types.TryGetValue(typeId, out var pluginType))
                throw new SolutionException($"Step '{step.Name}' runs plug-in type {typeId}, which the solution does not register.");
            dataverse.Plugins.RegisterStep(step, () => CreatePlugin(pluginType, configuration, null));
            steps.Add(step);
        }

        var settings = InstallEnvironmentVariables(dataverse, solution);

        return new InstalledSolution
        {
            EnvironmentVariables = settings,
            PluginAssembly = assembly,
            PluginTypes = types,
            CustomApis = apis,
            CustomApiPlugins = apiPlugins,
            Steps = steps,
            Tables = tables,
        };
    }

    /// <summary>
    /// Creates (or, when the environment already has them, updates) the environment variable definitions the solution
    /// carries, with their defaults. Needs Dataverse's environmentvariabledefinition table; without it nothing is written.
    /// </summary>
    private static IReadOnlyDictionary<string, string> InstallEnvironmentVariables(InMemoryDataverse dataverse, PackedSolution solution)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var service = dataverse.GetService();
        var hasTable = dataverse.Metadata.TryGetTable(E.Definition) is not null;
        foreach (var path in solution.Paths("environmentvariabledefinitions/", "/environmentvariabledefinition.xml"))
        {
            var xml = solution.Xml(path);
            var schemaName = (string)xml.Attribute("schemaname")!;
            var defaultValue = xml.Child("defaultvalue") ?? "";
            result[schemaName] = defaultValue;
            if (!hasTable) continue;
            var row = new Entity(E.Definition)
            {
                [E.SchemaName] = schemaName,
                ["displayname"] = xml.Element("displayname")?.Attribute("default")?.Value,
                [E.DefaultValue] = defaultValue,
                ["type"] = new OptionSetValue(int.Parse(xml.Required("type", path), CultureInfo.InvariantCulture)),
            };
            var existing = service.RetrieveMultiple(new QueryExpression(E.Definition)
            {
                ColumnSet = new ColumnSet(E.DefinitionId),
                Criteria = { Conditions = { new ConditionExpression(E.SchemaName, ConditionOperator.Equal, schemaName) } },
            }).Entities.FirstOrDefault();
            if (existing is null)
            {
                service.Create(row);
            }
            else
            {
                row.Id = existing.Id;
                service.Update(row);
            }
        }

        return result;
    }

    /// <summary>As the sandbox does: the (unsecure, secure) configuration constructor when there is one, else the parameterless one.</summary>
    public static IPlugin CreatePlugin(Type type, string? unsecureConfiguration, string? secureConfiguration)
    {
        var withConfiguration = type.GetConstructor(new[] { typeof(string), typeof(string) });
        var instance = withConfiguration is not null
            ? withConfiguration.Invoke(new object?[] { unsecureConfiguration, secureConfiguration })
            : Activator.CreateInstance(type);
        return (IPlugin)(instance ?? throw new SolutionException($"Cannot create plug-in {type.FullName}."));
    }

    private static (CustomApiDefinition Api, Guid PluginTypeId) ReadCustomApi(PackedSolution solution, string path)
    {
        var xml = solution.Xml(path);
        var folder = path[..^"customapi.xml".Length];
        var uniqueName = (string)xml.Attribute("uniquename")!;
        var binding = xml.Child("bindingtype");
        var api = new CustomApiDefinition
        {
            UniqueName = uniqueName,
            IsFunction = xml.Child("isfunction") == "1",
            AllowedCustomProcessingStepType = (CustomProcessingStepType)int.Parse(xml.Child("allowedcustomprocessingsteptype") ?? "0", CultureInfo.InvariantCulture),
            ExecutePrivilegeName = string.IsNullOrEmpty(xml.Child("executeprivilegename")) ? null : xml.Child("executeprivilegename"),
            BoundEntityLogicalName = binding is null or "0" ? null : xml.Child("boundentitylogicalname"),
        };
        api.RequestParameters.AddRange(solution.Paths(folder + "customapirequestparameters/", "/customapirequestparameter.xml").Select(p => Field(solution.Xml(p), optional: true)));
        api.ResponseProperties.AddRange(solution.Paths(folder + "customapiresponseproperties/", "/customapiresponseproperty.xml").Select(p => Field(solution.Xml(p), optional: false)));
        var key = xml.Element("plugintypeid")?.Elements().FirstOrDefault()?.Value;
        if (!Guid.TryParse(key, out var typeId)) throw new SolutionException($"Custom API {uniqueName} names no plug-in type (plugintypeid).");
        return (api, typeId);
    }

    private static CustomApiParameter Field(XElement xml, bool optional) => new(
        (string)xml.Attribute("uniquename")!,
        (CustomApiFieldType)int.Parse(xml.Required("type", (string)xml.Attribute("uniquename")!), CultureInfo.InvariantCulture),
        optional && xml.Child("isoptional") == "1");

    private static (StepRegistration Step, Guid PluginTypeId, string? Configuration) ReadStep(XElement xml)
    {
        var name = (string?)xml.Attribute("Name") ?? "(unnamed step)";
        var messageId = Guid.Parse(xml.Required("SdkMessageId", name));
        var message = ComponentXml.SdkMessageIds.FirstOrDefault(m => m.Value == messageId).Key
            ?? throw new SolutionException($"Step '{name}' uses SDK message {messageId}, which the emulator does not know.");
        var filtering = xml.Child("FilteringAttributes");
        var step = new StepRegistration
        {
            Id = Guid.Parse(((string)xml.Attribute("SdkMessageProcessingStepId")!).Trim('{', '}')),
            Name = name,
            MessageName = message,
            PrimaryEntity = xml.Child("PrimaryEntity"),
            Stage = int.Parse(xml.Required("Stage", name), CultureInfo.InvariantCulture),
            Mode = (StepMode)int.Parse(xml.Child("Mode") ?? "0", CultureInfo.InvariantCulture),
            Rank = int.Parse(xml.Child("Rank") ?? "1", CultureInfo.InvariantCulture),
            FilteringAttributes = string.IsNullOrEmpty(filtering) ? null : filtering.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        return (step, Guid.Parse(xml.Required("PluginTypeId", name)), xml.Child("Configuration"));
    }
}
