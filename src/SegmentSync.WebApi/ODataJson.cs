using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator;

namespace SegmentSync.WebApi;

/// <summary>
/// Dataverse's Web API JSON for table rows: lookups as <c>_name_value</c> (read) and <c>name@odata.bind</c> (write),
/// choices as integers, dates as ISO 8601 UTC, money and decimals as numbers.
/// </summary>
public static class ODataJson
{
    public const string LookupLogicalNameAnnotation = "@Microsoft.Dynamics.CRM.lookuplogicalname";

    /// <summary>The property name a column has in responses and $select/$filter/$orderby.</summary>
    public static string PropertyName(ColumnDefinition column) => column.Kind == ColumnKind.Lookup ? "_" + column.LogicalName + "_value" : column.LogicalName;

    /// <summary>The column a response property name (or plain logical name) refers to, or null.</summary>
    public static ColumnDefinition? ColumnForProperty(TableDefinition table, string property)
    {
        if (property.StartsWith('_') && property.EndsWith("_value", StringComparison.Ordinal))
        {
            var column = table.Column(property[1..^6]);
            return column is { Kind: ColumnKind.Lookup } ? column : null;
        }

        var plain = table.Column(property);
        return plain is { Kind: ColumnKind.Lookup } ? null : plain;
    }

    /// <summary>A row as JSON with <paramref name="columns"/> (every column when null); unset selected columns are null.</summary>
    public static JsonObject Write(TableDefinition table, Entity entity, IReadOnlyList<ColumnDefinition>? columns, bool annotations)
    {
        var json = new JsonObject();
        foreach (var column in columns ?? table.Columns)
        {
            var name = PropertyName(column);
            var value = column.Kind == ColumnKind.PrimaryKey ? entity.Id : entity.Attributes.TryGetValue(column.LogicalName, out var v) ? v : null;
            json[name] = ToJson(value);
            if (annotations && column.Kind == ColumnKind.Lookup && value is EntityReference reference)
                json[name + LookupLogicalNameAnnotation] = reference.LogicalName;
        }

        if (!json.ContainsKey(table.PrimaryIdAttribute)) json[table.PrimaryIdAttribute] = entity.Id.ToString();
        return json;
    }

    /// <summary>An SDK value as a JSON value.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        bool b => JsonValue.Create(b),
        decimal d => JsonValue.Create(d),
        double d => JsonValue.Create(d),
        Guid g => JsonValue.Create(g.ToString()),
        DateTime t => JsonValue.Create(FormatDate(t)),
        OptionSetValue o => JsonValue.Create(o.Value),
        Money m => JsonValue.Create(m.Value),
        EntityReference r => JsonValue.Create(r.Id.ToString()),
        string[] array => new JsonArray(array.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static string FormatDate(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A request body as attributes of <paramref name="table"/>: properties by logical name, lookups as
    /// <c>name@odata.bind</c> ("/contacts(id)"); annotations other than binds are ignored; unknown properties are refused.
    /// </summary>
    public static Entity Read(TableDefinition table, JsonObject body, Func<string, TableDefinition?> tableForSet)
    {
        var entity = new Entity(table.LogicalName);
        foreach (var (name, node) in body)
        {
            if (name.EndsWith("@odata.bind", StringComparison.Ordinal))
            {
                var navigation = name[..^"@odata.bind".Length];
                var column = LookupForNavigation(table, navigation)
                    ?? throw WebApiException.BadRequest($"An undeclared property '{navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.");
                entity[column.LogicalName] = node is null ? null : Bind(column, node.GetValue<string>(), tableForSet);
                continue;
            }

            if (name.StartsWith('@') || name.Contains('@', StringComparison.Ordinal)) continue;
            var target = table.Column(name);
            if (target is null || target.Kind == ColumnKind.Lookup)
            {
                throw WebApiException.BadRequest(target is null
                    ? $"Invalid property '{name}' was found in entity 'Microsoft.Dynamics.CRM.{table.LogicalName}'."
                    : $"Lookup '{name}' is set with '{name}@odata.bind': \"/<entity set>(<id>)\".");
            }

            if (target.Kind == ColumnKind.PrimaryKey)
            {
                entity.Id = node is null ? Guid.Empty : ParseGuid(node.GetValue<string>(), name);
                continue;
            }

            entity[target.LogicalName] = FromJson(target, node);
        }

        return entity;
    }

    /// <summary>A JSON value as the SDK value a column of kind <paramref name="column"/> takes.</summary>
    public static object? FromJson(ColumnDefinition column, JsonNode? node)
    {
        if (node is null) return null;
        try
        {
            return column.Kind switch
            {
                ColumnKind.String or ColumnKind.Memo => node.GetValue<string>(),
                ColumnKind.Integer => node.GetValue<int>(),
                ColumnKind.BigInt => node.GetValue<long>(),
                ColumnKind.Decimal => node.GetValue<decimal>(),
                ColumnKind.Money => new Money(node.GetValue<decimal>()),
                ColumnKind.Boolean => node.GetValue<bool>(),
                ColumnKind.DateTime => ParseDate(node.GetValue<string>(), column.LogicalName),
                ColumnKind.Guid or ColumnKind.PrimaryKey => ParseGuid(node.GetValue<string>(), column.LogicalName),
                ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status => new OptionSetValue(node.GetValue<int>()),
                _ => throw WebApiException.BadRequest($"Cannot set '{column.LogicalName}' this way."),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw WebApiException.BadRequest($"Cannot convert the literal '{node.ToJsonString()}' to the expected type of '{column.LogicalName}' ({column.Kind}).");
        }
    }

    public static DateTime ParseDate(string text, string name)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            throw WebApiException.BadRequest($"Cannot convert the literal '{text}' to Edm.DateTimeOffset for '{name}'.");
        return value.UtcDateTime;
    }

    public static Guid ParseGuid(string text, string name)
    {
        if (!Guid.TryParse(text, out var value)) throw WebApiException.BadRequest($"Cannot convert the literal '{text}' to Edm.Guid for '{name}'.");
        return value;
    }

    private static ColumnDefinition? LookupForNavigation(TableDefinition table, string navigation)
    {
        var column = table.Column(navigation);
        if (column is { Kind: ColumnKind.Lookup }) return column;
        // Polymorphic lookups are bound as <lookup>_<target>, e.g. parentcustomerid_account.
        return table.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Lookup && c.Targets.Any(t => string.Equals(navigation, c.LogicalName + "_" + t, StringComparison.OrdinalIgnoreCase)));
    }

    private static EntityReference Bind(ColumnDefinition column, string value, Func<string, TableDefinition?> tableForSet)
    {
        var text = value;
        var api = text.IndexOf("/api/data/", StringComparison.OrdinalIgnoreCase);
        if (api >= 0) text = text[(text.IndexOf('/', api + "/api/data/".Length) + 1)..];
        text = text.TrimStart('/');
        var open = text.IndexOf('(');
        if (open <= 0 || !text.EndsWith(')'))
            throw WebApiException.BadRequest($"The value of '{column.LogicalName}@odata.bind' must be an entity URL such as /contacts(00000000-0000-0000-0000-000000000001); got '{value}'.");
        var set = text[..open];
        var target = tableForSet(set) ?? throw WebApiException.BadRequest($"'{set}' in '{column.LogicalName}@odata.bind' is not an entity set.");
        return new EntityReference(target.LogicalName, ParseGuid(text[(open + 1)..^1], column.LogicalName));
    }

    /// <summary>The JSON of a Custom API or message response.</summary>
    public static JsonObject WriteResults(ParameterCollection results, string context)
    {
        var json = new JsonObject { ["@odata.context"] = context };
        foreach (var (key, value) in results) json[key] = value is Entity or EntityCollection ? null : ToJson(value);
        return json;
    }

    /// <summary>A request parameter of a declared type, from JSON.</summary>
    public static object? Parameter(string name, CustomApiFieldType type, JsonNode? node, Func<string, TableDefinition?> tableForLogicalName)
    {
        if (node is null) return null;
        try
        {
            return type switch
            {
                CustomApiFieldType.Boolean => node.GetValue<bool>(),
                CustomApiFieldType.DateTime => ParseDate(node.GetValue<string>(), name),
                CustomApiFieldType.Decimal => node.GetValue<decimal>(),
                CustomApiFieldType.Float => node.GetValue<double>(),
                CustomApiFieldType.Integer => node.GetValue<int>(),
                CustomApiFieldType.Money => new Money(node.GetValue<decimal>()),
                CustomApiFieldType.Picklist => new OptionSetValue(node.GetValue<int>()),
                CustomApiFieldType.String => node.GetValue<string>(),
                CustomApiFieldType.Guid => ParseGuid(node.GetValue<string>(), name),
                CustomApiFieldType.StringArray => node is JsonArray array
                    ? array.Select(item => item?.GetValue<string>() ?? throw WebApiException.BadRequest($"{name} must not contain null.")).ToArray()
                    : throw WebApiException.BadRequest($"{name} must be a JSON array of strings."),
                CustomApiFieldType.EntityReference => ReadReference(name, node, tableForLogicalName),
                _ => throw WebApiException.BadRequest($"Parameters of type {type} are not supported by the emulator's Web API."),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw WebApiException.BadRequest($"Cannot convert the literal '{node.ToJsonString()}' of parameter '{name}' to the expected type {type}.");
        }
    }

    /// <summary>A parameter of an operation without a Custom API definition (a built-in or custom message): the JSON type decides.</summary>
    public static object? UntypedParameter(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => array.Select(item => item?.ToString() ?? string.Empty).ToArray(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value when value.TryGetValue<int>(out var i) => i,
        JsonValue value => value.GetValue<decimal>(),
        _ => node.ToJsonString(),
    };

    private static EntityReference ReadReference(string name, JsonNode node, Func<string, TableDefinition?> tableForLogicalName)
    {
        var type = node["@odata.type"]?.GetValue<string>()?.Replace("Microsoft.Dynamics.CRM.", string.Empty, StringComparison.Ordinal)
            ?? throw WebApiException.BadRequest($"{name} needs @odata.type (e.g. Microsoft.Dynamics.CRM.contact) and the primary key.");
        var table = tableForLogicalName(type) ?? throw WebApiException.BadRequest($"{name}: '{type}' is not a table.");
        var id = node[table.PrimaryIdAttribute]?.GetValue<string>() ?? throw WebApiException.BadRequest($"{name} needs {table.PrimaryIdAttribute}.");
        return new EntityReference(table.LogicalName, ParseGuid(id, name));
    }
}
