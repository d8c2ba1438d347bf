using System.Globalization;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Tests.Refresh;

/// <summary>How a flow run ended: its status, the Terminate message, and every Dataverse call its actions made.</summary>
public sealed record FlowRun(string Status, string? Message, IReadOnlyList<(string Action, string Api, bool Succeeded)> Calls);

/// <summary>
/// Runs a cloud flow definition against an organization service: a test double for Power Automate covering what
/// SegmentSync's flows use. Actions: InitializeVariable, SetVariable, AppendToArrayVariable, Foreach (sequential),
/// Until, If, Terminate, and the Dataverse connector's PerformUnboundAction (an SDK request whose item/ parameters are
/// converted to the Custom API's declared types, as the connector does; a fault makes the action Failed with
/// body/error/message). runAfter with statuses decides what runs; an action whose predecessors ended otherwise is
/// Skipped. Expressions: @expr and @{expr} with variables, outputs, items, triggerBody, parameters, equals, or, and,
/// not, greater, length, empty, if, json, split, string, createArray and ?['a/b'] property paths.
/// </summary>
public sealed class FlowRunner(IOrganizationService service, IReadOnlyList<CustomApiDescriptor> apis)
{
    private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _outputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _items = new(StringComparer.Ordinal);
    private readonly List<(string, string, bool)> _calls = new();
    private JsonNode? _triggerBody;

    public FlowRun Run(string flowJson, JsonObject? triggerBody = null)
    {
        var definition = JsonNode.Parse(flowJson)!["properties"]!["definition"]!.AsObject();
        _triggerBody = triggerBody ?? new JsonObject();
        try
        {
            RunScope(definition["actions"]!.AsObject());
            return new FlowRun("Succeeded", null, _calls);
        }
        catch (TerminateException terminate)
        {
            return new FlowRun(terminate.Status, terminate.Message, _calls);
        }
    }

    private sealed class TerminateException(string status, string message) : Exception(message)
    {
        public string Status { get; } = status;
    }

    /// <summary>Runs one scope's actions in runAfter order; returns each action's status.</summary>
    private Dictionary<string, string> RunScope(JsonObject actions)
    {
        var status = new Dictionary<string, string>(StringComparer.Ordinal);
        while (status.Count < actions.Count)
        {
            var progressed = false;
            foreach (var (name, node) in actions)
            {
                if (status.ContainsKey(name)) continue;
                var runAfter = node!["runAfter"] as JsonObject ?? new JsonObject();
                if (runAfter.Any(p => !status.ContainsKey(p.Key))) continue;
                var ready = runAfter.All(p => p.Value!.AsArray().Select(s => s!.GetValue<string>()).Contains(status[p.Key]));
                status[name] = ready ? Execute(name, node.AsObject()) : "Skipped";
                progressed = true;
            }

            if (!progressed) throw new InvalidOperationException("The flow's runAfter graph has a cycle or names a missing action.");
        }

        return status;
    }

    private static bool AnyFailed(Dictionary<string, string> statuses) => statuses.Values.Any(s => s is "Failed" or "TimedOut");

    private string Execute(string name, JsonObject action)
    {
        var inputs = action["inputs"];
        switch (action["type"]!.GetValue<string>())
        {
            case "InitializeVariable":
                var variable = inputs!["variables"]![0]!;
                _variables[variable["name"]!.GetValue<string>()] = Evaluate(variable["value"]);
                return "Succeeded";
            case "SetVariable":
                _variables[inputs!["name"]!.GetValue<string>()] = Evaluate(inputs["value"]);
                return "Succeeded";
            case "AppendToArrayVariable":
                _variables[inputs!["name"]!.GetValue<string>()]!.AsArray().Add(Evaluate(inputs["value"]));
                return "Succeeded";
            case "OpenApiConnection":
                return CallDataverse(name, inputs!.AsObject());
            case "Foreach":
                var failed = false;
                foreach (var item in Evaluate(action["foreach"])!.AsArray().ToList())
                {
                    _items[name] = item?.DeepClone();
                    failed |= AnyFailed(RunScope(action["actions"]!.AsObject()));
                }

                return failed ? "Failed" : "Succeeded";
            case "Until":
                var limit = action["limit"]?["count"]?.GetValue<int>() ?? 60;
                Dictionary<string, string> last;
                var iterations = 0;
                do
                {
                    last = RunScope(action["actions"]!.AsObject());
                }
                while (!Truthy(Evaluate(action["expression"])) && ++iterations < limit);
                return AnyFailed(last) ? "Failed" : "Succeeded";
            case "If":
                var branch = Truthy(Evaluate(action["expression"])) ? action["actions"] : action["else"]?["actions"];
                return branch is JsonObject scope && AnyFailed(RunScope(scope)) ? "Failed" : "Succeeded";
            case "Terminate":
                throw new TerminateException(inputs!["runStatus"]!.GetValue<string>(), Text(Evaluate(inputs["runError"]?["message"])));
            default:
                throw new NotSupportedException("Action type " + action["type"] + " (" + name + ") is not supported by the test runner.");
        }
    }

    /// <summary>The Dataverse connector's "Perform an unbound action", through the SDK.</summary>
    private string CallDataverse(string name, JsonObject inputs)
    {
        var operation = inputs["host"]!["operationId"]!.GetValue<string>();
        if (operation != "PerformUnboundAction") throw new NotSupportedException("Operation " + operation + " is not supported by the test runner.");
        var parameters = inputs["parameters"]!.AsObject();
        var actionName = Text(Evaluate(parameters["actionName"]));
        var api = apis.Single(a => a.UniqueName == actionName);
        var request = new OrganizationRequest(actionName);
        foreach (var (key, value) in parameters.Where(p => p.Key.StartsWith("item/", StringComparison.Ordinal)))
        {
            var field = api.RequestParameters.Single(f => f.UniqueName == key["item/".Length..]);
            request[field.UniqueName] = Convert(field.Type, Text(Evaluate(value)));
        }

        try
        {
            var response = service.Execute(request);
            var body = new JsonObject();
            foreach (var result in response.Results)
            {
                body[result.Key] = result.Value switch
                {
                    null => null,
                    string s => s,
                    int i => i,
                    bool b => b,
                    Guid g => g.ToString("D"),
                    DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    var other => other.ToString(),
                };
            }

            _outputs[name] = new JsonObject { ["body"] = body };
            _calls.Add((name, actionName, true));
            return "Succeeded";
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            _outputs[name] = new JsonObject { ["body"] = new JsonObject { ["error"] = new JsonObject { ["message"] = fault.Message } } };
            _calls.Add((name, actionName, false));
            return "Failed";
        }
    }

    private static object Convert(ApiFieldType type, string text) => type switch
    {
        ApiFieldType.String => text,
        ApiFieldType.Guid => Guid.Parse(text),
        ApiFieldType.Integer => int.Parse(text, CultureInfo.InvariantCulture),
        ApiFieldType.DateTime => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => throw new NotSupportedException(type + " parameters are not supported by the test runner."),
    };

    // ---- expressions ----

    /// <summary>A value of the definition: "@expr" is evaluated, "…@{expr}…" interpolated, objects and arrays deeply.</summary>
    private JsonNode? Evaluate(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o) copy[key] = Evaluate(value);
                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(Evaluate).ToArray());
            case JsonValue v when v.TryGetValue<string>(out var text):
                if (text.StartsWith('@') && !text.StartsWith("@{", StringComparison.Ordinal)) return new Parser(this, text[1..]).ParseAll();
                if (!text.Contains("@{", StringComparison.Ordinal)) return text;
                var result = new StringBuilder();
                var at = 0;
                while (true)
                {
                    var start = text.IndexOf("@{", at, StringComparison.Ordinal);
                    if (start < 0) break;
                    result.Append(text, at, start - at);
                    var end = text.IndexOf('}', start);
                    result.Append(Text(new Parser(this, text[(start + 2)..end]).ParseAll()));
                    at = end + 1;
                }

                return result.Append(text[at..]).ToString();
            default:
                return node?.DeepClone();
        }
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    private static double Number(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<int>(out var i) ? i : value is JsonValue d && d.TryGetValue<double>(out var x) ? x : double.Parse(Text(value), CultureInfo.InvariantCulture);

    private static bool Truthy(JsonNode? value) => value is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private JsonNode? Call(string function, List<JsonNode?> args)
    {
        switch (function)
        {
            case "variables": return _variables[Text(args[0])]?.DeepClone();
            case "outputs": return _outputs.TryGetValue(Text(args[0]), out var output) ? output?.DeepClone() : null;
            case "items": return _items[Text(args[0])]?.DeepClone();
            case "triggerBody": return _triggerBody?.DeepClone();
            case "parameters": return new JsonObject();
            case "equals": return JsonNode.DeepEquals(args[0], args[1]);
            case "or": return args.Any(Truthy);
            case "and": return args.All(Truthy);
            case "not": return !Truthy(args[0]);
            case "greater": return Number(args[0]) > Number(args[1]);
            case "length": return args[0] is JsonArray array ? array.Count : Text(args[0]).Length;
            case "empty": return args[0] is null || (args[0] is JsonArray list ? list.Count == 0 : Text(args[0]).Length == 0);
            case "if": return Truthy(args[0]) ? args[1] : args[2];
            case "json": return JsonNode.Parse(Text(args[0]));
            case "split": return new JsonArray(Text(args[0]).Split(Text(args[1])).Select(s => (JsonNode?)s).ToArray());
            case "string": return Text(args[0]);
            case "createArray": return new JsonArray(args.ToArray());
            default: throw new NotSupportedException("Function " + function + " is not supported by the test runner.");
        }
    }

    /// <summary>A recursive-descent parser of the workflow expression language subset SegmentSync's flows use.</summary>
    private sealed class Parser(FlowRunner runner, string text)
    {
        private int _at;

        public JsonNode? ParseAll()
        {
            var value = ParseExpression();
            SkipSpaces();
            if (_at != text.Length) throw new FormatException("Unexpected text at " + _at + " in: " + text);
            return value;
        }

        private JsonNode? ParseExpression()
        {
            SkipSpaces();
            JsonNode? value;
            if (Peek() == '\'')
            {
                value = ParseString();
            }
            else if (char.IsDigit(Peek()))
            {
                var start = _at;
                while (_at < text.Length && (char.IsDigit(text[_at]) || text[_at] == '.')) _at++;
                value = double.Parse(text[start.._at], CultureInfo.InvariantCulture);
            }
            else
            {
                var start = _at;
                while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_')) _at++;
                var name = text[start.._at];
                SkipSpaces();
                if (name is "true" or "false") value = name == "true";
                else if (name == "null") value = null;
                else
                {
                    Expect('(');
                    var args = new List<JsonNode?>();
                    SkipSpaces();
                    if (Peek() != ')')
                    {
                        do
                        {
                            args.Add(ParseExpression());
                            SkipSpaces();
                        }
                        while (TryTake(','));
                    }

                    Expect(')');
                    value = runner.Call(name, args);
                }
            }

            // Property access: ?['a/b'] or ['a'].
            while (true)
            {
                SkipSpaces();
                var save = _at;
                TryTake('?');
                if (!TryTake('['))
                {
                    _at = save;
                    return value;
                }

                var path = Text(ParseExpression());
                SkipSpaces();
                Expect(']');
                foreach (var part in path.Split('/'))
                {
                    value = value is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
                }
            }
        }

        private string ParseString()
        {
            Expect('\'');
            var result = new StringBuilder();
            while (true)
            {
                if (_at >= text.Length) throw new FormatException("Unterminated string in: " + text);
                if (text[_at] == '\'')
                {
                    if (_at + 1 < text.Length && text[_at + 1] == '\'')
                    {
                        result.Append('\'');
                        _at += 2;
                        continue;
                    }

                    _at++;
                    return result.ToString();
                }

                result.Append(text[_at++]);
            }
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private bool TryTake(char c)
        {
            if (Peek() != c) return false;
            _at++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryTake(c)) throw new FormatException($"Expected '{c}' at {_at} in: {text}");
        }

        private void SkipSpaces()
        {
            while (_at < text.Length && text[_at] == ' ') _at++;
        }
    }
}
