using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Generation;

namespace SegmentSync.Solution.Packing;

/// <summary>
/// Checks the cloud flows of a solution source: each .json.data.xml names a flow file that exists and is a root
/// component; each flow's connection references are declared in Other/Customizations.xml; and every "Perform an
/// unbound action" of the Dataverse connector calls a Custom API the plug-ins implement, with parameters that API
/// accepts (all its required ones), reading only response properties it has.
/// </summary>
public static partial class FlowChecks
{
    public const string UnboundActionOperation = "PerformUnboundAction";

    public static IReadOnlyList<string> Check(SolutionSource source, XElement customizations, IReadOnlyList<CustomApiDescriptor>? apis)
    {
        var problems = new List<string>();
        var declared = (customizations.Element("connectionreferences")?.Elements("connectionreference") ?? Enumerable.Empty<XElement>())
            .Select(r => (string?)r.Attribute("connectionreferencelogicalname") ?? "")
            .ToHashSet(StringComparer.Ordinal);
        var roots = source.Manifest.Descendants("RootComponent")
            .Where(r => (string?)r.Attribute("type") == FlowXml.WorkflowComponent.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(r => ((string?)r.Attribute("id") ?? "").Trim('{', '}').ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

        foreach (var dataPath in source.Paths(FlowXml.Folder, ".json" + FlowXml.DataSuffix))
        {
            var workflow = source.Xml(dataPath);
            var name = (string?)workflow.Attribute("Name") ?? dataPath;
            var id = ((string?)workflow.Attribute("WorkflowId") ?? "").Trim('{', '}').ToLowerInvariant();
            if (!roots.Contains(id)) problems.Add($"Flow '{name}' ({id}) is not a root component (type {FlowXml.WorkflowComponent}) of Other/Solution.xml.");
            var jsonPath = (workflow.Child("JsonFileName") ?? "").TrimStart('/');
            if (jsonPath != dataPath[..^FlowXml.DataSuffix.Length])
            {
                problems.Add($"{dataPath}: JsonFileName '{workflow.Child("JsonFileName")}' does not name the flow file beside it.");
                continue;
            }

            if (!source.Files.TryGetValue(jsonPath, out var bytes))
            {
                problems.Add($"{dataPath}: the flow file {jsonPath} is missing.");
                continue;
            }

            problems.AddRange(CheckFlow(name, XmlText.FromUtf8(bytes), declared, apis));
        }

        foreach (var jsonPath in source.Paths(FlowXml.Folder, ".json").Where(p => !source.Files.ContainsKey(p + FlowXml.DataSuffix)))
        {
            problems.Add($"{jsonPath} has no {Path.GetFileName(jsonPath)}{FlowXml.DataSuffix} (the flow's workflow row).");
        }

        return problems;
    }

    /// <summary>The problems of one flow file (its definition and connection references).</summary>
    public static IEnumerable<string> CheckFlow(string name, string json, IReadOnlySet<string> declaredReferences, IReadOnlyList<CustomApiDescriptor>? apis)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return new[] { $"Flow '{name}' is not valid JSON: {e.Message}" };
        }

        var problems = new List<string>();
        var properties = root?["properties"] as JsonObject;
        var references = properties?["connectionReferences"] as JsonObject ?? new JsonObject();
        foreach (var (key, value) in references)
        {
            var logicalName = value?["connection"]?["connectionReferenceLogicalName"]?.GetValue<string>();
            if (logicalName is null || !declaredReferences.Contains(logicalName))
                problems.Add($"Flow '{name}': connection '{key}' uses connection reference '{logicalName}', which Other/Customizations.xml does not declare.");
        }

        if (properties?["definition"]?["actions"] is not JsonObject actions)
        {
            problems.Add($"Flow '{name}' has no definition.actions.");
            return problems;
        }

        var unbound = Actions(actions).Where(a => a.Action["inputs"]?["host"]?["operationId"]?.GetValue<string>() == UnboundActionOperation).ToList();
        var apiOf = new Dictionary<string, CustomApiDescriptor>(StringComparer.Ordinal);
        foreach (var (actionName, action) in Actions(actions))
        {
            var connection = action["inputs"]?["host"]?["connectionName"]?.GetValue<string>();
            if (action["type"]?.GetValue<string>() == "OpenApiConnection" && (connection is null || !references.ContainsKey(connection)))
                problems.Add($"Flow '{name}': action {actionName} uses connection '{connection}', which the flow's connectionReferences do not list.");
        }

        foreach (var (actionName, action) in unbound)
        {
            var parameters = action["inputs"]?["parameters"] as JsonObject ?? new JsonObject();
            var api = parameters["actionName"]?.GetValue<string>();
            if (apis is null) continue;
            var descriptor = apis.FirstOrDefault(a => a.UniqueName == api);
            if (descriptor is null)
            {
                problems.Add($"Flow '{name}': action {actionName} performs '{api}', which is not a Custom API the plug-ins implement ({string.Join(", ", apis.Select(a => a.UniqueName))}).");
                continue;
            }

            apiOf[actionName] = descriptor;
            var passed = parameters.Select(p => p.Key).Where(k => k.StartsWith("item/", StringComparison.Ordinal)).Select(k => k["item/".Length..]).ToList();
            foreach (var parameter in passed.Where(p => descriptor.RequestParameters.All(f => f.UniqueName != p)))
                problems.Add($"Flow '{name}': action {actionName} passes {parameter}, which {api} does not accept ({string.Join(", ", descriptor.RequestParameters.Select(f => f.UniqueName))}).");
            foreach (var required in descriptor.RequestParameters.Where(f => !f.IsOptional && !passed.Contains(f.UniqueName)))
                problems.Add($"Flow '{name}': action {actionName} does not pass {required.UniqueName}, which {api} requires.");
        }

        // Every output a flow reads from an unbound action must be a response property of that action's API.
        foreach (Match match in Strings(root).SelectMany(text => OutputReference().Matches(text)))
        {
            var (actionName, property) = (match.Groups["action"].Value, match.Groups["property"].Value);
            if (property.StartsWith("error/", StringComparison.Ordinal) || !apiOf.TryGetValue(actionName, out var descriptor)) continue;
            if (descriptor.ResponseProperties.All(p => p.UniqueName != property))
                problems.Add($"Flow '{name}' reads {property} from {actionName}, which {descriptor.UniqueName} does not return.");
        }

        return problems;
    }

    /// <summary>Every string value in the document (expressions are strings).</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => new[] { text },
        _ => Enumerable.Empty<string>(),
    };

    /// <summary>Every action of a definition, nested ones (loops, conditions, scopes) included.</summary>
    public static IEnumerable<(string Name, JsonObject Action)> Actions(JsonObject actions)
    {
        foreach (var (name, node) in actions)
        {
            if (node is not JsonObject action) continue;
            yield return (name, action);
            foreach (var nested in new[] { action["actions"], action["else"]?["actions"] }.OfType<JsonObject>())
            {
                foreach (var inner in Actions(nested)) yield return inner;
            }
        }
    }

    [GeneratedRegex(@"outputs\('(?<action>[^']+)'\)\?\['body/(?<property>[^']+)'\]")]
    private static partial Regex OutputReference();
}
