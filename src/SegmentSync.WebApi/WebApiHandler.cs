using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Emulator;

namespace SegmentSync.WebApi;

/// <summary>
/// Answers <c>/api/data/v9.2/...</c>: entity sets (GET, POST, PATCH, DELETE), Custom APIs and messages (POST), WhoAmI.
/// Every call runs through the emulator's pipeline as one top-level request of the SYSTEM user.
/// </summary>
internal sealed class WebApiHandler(InMemoryDataverse dataverse, EmulatorServerOptions options)
{
    public const string Root = "/api/data/v9.2";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string CallerKey = "segsync.caller";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, IOrganizationService> _services = new();

    /// <summary>Remembers which user the request's bearer token runs as (null: SYSTEM).</summary>
    public static void SetCaller(HttpContext context, Guid? userId) => context.Items[CallerKey] = userId;

    /// <summary>The service of the user the request runs as.</summary>
    private IOrganizationService ServiceFor(HttpContext context)
    {
        var user = context.Items[CallerKey] as Guid? ?? dataverse.SystemUserId;
        return _services.GetOrAdd(user, id => dataverse.GetService(id));
    }

    public async Task Handle(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var resource = path.Length > Root.Length ? Uri.UnescapeDataString(path[(Root.Length + 1)..]).TrimEnd('/') : string.Empty;
        var method = context.Request.Method;
        if (resource.Length == 0)
        {
            RequireMethod(method, "GET");
            await WriteJson(context, 200, ServiceDocument(context));
            return;
        }

        var (name, key) = SplitKey(resource);
        if (name.StartsWith("Microsoft.Dynamics.CRM.", StringComparison.Ordinal)) name = name["Microsoft.Dynamics.CRM.".Length..];
        var table = TableForSet(name);
        if (table is not null)
        {
            await EntitySet(context, method, table, key);
            return;
        }

        if (name.Equals("WhoAmI", StringComparison.OrdinalIgnoreCase))
        {
            RequireMethod(method, "GET");
            var response = ServiceFor(context).Execute(new OrganizationRequest("WhoAmI"));
            await WriteJson(context, 200, ODataJson.WriteResults(response.Results, Context(context, "Microsoft.Dynamics.CRM.WhoAmIResponse")));
            return;
        }

        if (method == "POST" && key is null)
        {
            await Operation(context, name);
            return;
        }

        throw new WebApiException(404, WebApiException.ResourceNotFound, $"Resource not found for the segment '{name}'.");
    }

    private async Task EntitySet(HttpContext context, string method, TableDefinition table, string? key)
    {
        switch (method)
        {
            case "GET" when key is null:
                await WriteJson(context, 200, Query(context, table));
                return;
            case "GET":
                {
                    var columns = ODataQuery.Select(table, context.Request.Query["$select"]);
                    var entity = Retrieve(context, table, key, columns);
                    var json = ODataJson.Write(table, entity, columns, Annotations(context));
                    json.Insert(0, "@odata.context", Context(context, $"{table.EntitySetName}/$entity"));
                    await WriteJson(context, 200, json);
                    return;
                }

            case "POST" when key is null:
                {
                    var entity = ODataJson.Read(table, await ReadBody(context), TableForSet);
                    var id = ServiceFor(context).Create(entity);
                    context.Response.Headers["OData-EntityId"] = EntityUrl(context, table, id);
                    if (Prefers(context, "return=representation"))
                    {
                        var columns = ODataQuery.Select(table, context.Request.Query["$select"]);
                        var json = ODataJson.Write(table, ServiceFor(context).Retrieve(table.LogicalName, id, ColumnSetOf(columns)), columns, Annotations(context));
                        json.Insert(0, "@odata.context", Context(context, $"{table.EntitySetName}/$entity"));
                        await WriteJson(context, 201, json);
                    }
                    else
                    {
                        context.Response.StatusCode = 204;
                    }

                    return;
                }

            case "PATCH" when key is not null:
                {
                    var entity = ODataJson.Read(table, await ReadBody(context), TableForSet);
                    var reference = Reference(table, key);
                    entity.Id = reference.Id;
                    foreach (var (k, v) in reference.KeyAttributes) entity.KeyAttributes[k] = v;
                    if (context.Request.Headers.IfMatch == "*") ServiceFor(context).Update(entity); // update only: 404 when missing
                    else if (context.Request.Headers.IfNoneMatch == "*") ServiceFor(context).Create(entity); // create only: 412 when present
                    else ServiceFor(context).Execute(new UpsertRequest { Target = entity });
                    var id = entity.Id != Guid.Empty ? entity.Id : Retrieve(context, table, key, null).Id;
                    context.Response.Headers["OData-EntityId"] = EntityUrl(context, table, id);
                    context.Response.StatusCode = 204;
                    return;
                }

            case "DELETE" when key is not null:
                {
                    var reference = Reference(table, key);
                    ServiceFor(context).Execute(new DeleteRequest { Target = reference });
                    context.Response.StatusCode = 204;
                    return;
                }

            default:
                throw new WebApiException(405, WebApiException.ODataError, $"The HTTP method {method} is not allowed on this resource.");
        }
    }

    private JsonObject Query(HttpContext context, TableDefinition table)
    {
        var parameters = context.Request.Query;
        foreach (var option in new[] { "$expand", "$apply", "$search", "$skip", "fetchXml", "savedQuery", "userQuery" })
        {
            if (parameters.ContainsKey(option)) throw new WebApiException(501, WebApiException.ODataError, $"The query option {option} is not supported by the emulator's Web API.");
        }

        var columns = ODataQuery.Select(table, parameters["$select"]);
        var query = new QueryExpression(table.LogicalName) { ColumnSet = ColumnSetOf(columns) };
        if (ODataQuery.Filter(table, parameters["$filter"]) is { } filter) query.Criteria = filter;
        ODataQuery.OrderBy(table, parameters["$orderby"], query);
        var count = string.Equals(parameters["$count"], "true", StringComparison.OrdinalIgnoreCase);
        var top = parameters["$top"].ToString();
        int? pageSize = null;
        if (top.Length > 0)
        {
            if (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 5000)
                throw WebApiException.BadRequest($"The value '{top}' of $top must be a whole number from 1 to 5000.");
            query.TopCount = n;
        }
        else
        {
            pageSize = Math.Min(options.MaxPageSize, MaxPageSizePreference(context) ?? options.MaxPageSize);
            var (page, cookie) = SkipToken(parameters["$skiptoken"]);
            query.PageInfo = new PagingInfo { Count = pageSize.Value, PageNumber = page, PagingCookie = cookie, ReturnTotalRecordCount = count };
        }

        var result = ServiceFor(context).RetrieveMultiple(query);
        var annotations = Annotations(context);
        var select = columns is null ? string.Empty : "(" + string.Join(",", columns.Select(ODataJson.PropertyName)) + ")";
        var json = new JsonObject { ["@odata.context"] = Context(context, table.EntitySetName + select) };
        if (count) json["@odata.count"] = query.TopCount is int ? result.Entities.Count : result.TotalRecordCount;
        json["value"] = new JsonArray(result.Entities.Select(e => (JsonNode)ODataJson.Write(table, e, columns, annotations)).ToArray());
        if (pageSize is not null && result.MoreRecords)
        {
            var next = new StringBuilder(Base(context)).Append(Root).Append('/').Append(table.EntitySetName).Append('?');
            foreach (var (k, v) in parameters.Where(p => p.Key != "$skiptoken")) next.Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v.ToString())).Append('&');
            var token = (query.PageInfo!.PageNumber + 1).ToString(CultureInfo.InvariantCulture) + "|" + result.PagingCookie;
            next.Append("$skiptoken=").Append(Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(token))));
            json["@odata.nextLink"] = next.ToString();
        }

        if (Annotations(context)) context.Response.Headers["Preference-Applied"] = "odata.include-annotations=\"*\"";
        return json;
    }

    private async Task Operation(HttpContext context, string name)
    {
        var body = await ReadBody(context);
        var api = dataverse.Plugins.CustomApis.FirstOrDefault(a => string.Equals(a.UniqueName, name, StringComparison.OrdinalIgnoreCase));
        var request = new OrganizationRequest(api?.UniqueName ?? name);
        foreach (var (parameter, node) in body)
        {
            if (parameter.StartsWith('@')) continue;
            var declared = api?.RequestParameters.FirstOrDefault(p => p.UniqueName == parameter);
            request[parameter] = declared is null
                ? ODataJson.UntypedParameter(node)
                : ODataJson.Parameter(parameter, declared.Type, node, logical => dataverse.Metadata.TryGetTable(logical));
        }

        // Dataverse's Web API takes the optional "tag" as a query parameter and gives it to plug-ins as a shared variable.
        if (context.Request.Query.TryGetValue("tag", out var tag) && !string.IsNullOrEmpty(tag.ToString())) request["tag"] = tag.ToString();

        var response = ServiceFor(context).Execute(request);
        await WriteJson(context, 200, ODataJson.WriteResults(response.Results, Context(context, $"Microsoft.Dynamics.CRM.{request.RequestName}Response")));
    }

    private Entity Retrieve(HttpContext context, TableDefinition table, string key, IReadOnlyList<ColumnDefinition>? columns)
    {
        var response = (RetrieveResponse)ServiceFor(context).Execute(new RetrieveRequest { Target = Reference(table, key), ColumnSet = ColumnSetOf(columns) });
        return response.Entity;
    }

    private static ColumnSet ColumnSetOf(IReadOnlyList<ColumnDefinition>? columns) =>
        columns is null ? new ColumnSet(true) : new ColumnSet(columns.Where(c => c.Kind != ColumnKind.PrimaryKey).Select(c => c.LogicalName).ToArray());

    /// <summary>The record a key segment names: <c>(guid)</c> or alternate key values <c>(name='value',other=1)</c>.</summary>
    private static EntityReference Reference(TableDefinition table, string key)
    {
        if (Guid.TryParse(key, out var id)) return new EntityReference(table.LogicalName, id);
        var reference = new EntityReference(table.LogicalName, Guid.Empty);
        foreach (var pair in key.Split(','))
        {
            var parts = pair.Split('=', 2);
            var column = parts.Length == 2 ? table.Column(parts[0].Trim()) : null;
            if (column is null) throw WebApiException.BadRequest($"'{key}' is neither a GUID nor alternate key values of {table.LogicalName}.");
            var text = parts[1].Trim();
            reference.KeyAttributes[column.LogicalName] = text.StartsWith('\'')
                ? text.Trim('\'').Replace("''", "'", StringComparison.Ordinal)
                : ODataJson.FromJson(column, JsonNode.Parse(text));
        }

        return reference;
    }

    private TableDefinition? TableForSet(string set) =>
        dataverse.Metadata.Tables.FirstOrDefault(t => string.Equals(t.EntitySetName, set, StringComparison.Ordinal));

    private static (string Name, string? Key) SplitKey(string resource)
    {
        var open = resource.IndexOf('(');
        if (open < 0) return (resource, null);
        if (!resource.EndsWith(')')) throw new WebApiException(404, WebApiException.ResourceNotFound, $"Resource not found for the segment '{resource}'.");
        var key = resource[(open + 1)..^1];
        return (resource[..open], key.Length == 0 ? null : key);
    }

    private static (int Page, string? Cookie) SkipToken(string? token)
    {
        if (string.IsNullOrEmpty(token)) return (1, null);
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|');
            return (int.Parse(text[..bar], CultureInfo.InvariantCulture), text[(bar + 1)..]);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
        {
            throw WebApiException.BadRequest("The $skiptoken is not one this service issued.");
        }
    }

    private static int? MaxPageSizePreference(HttpContext context)
    {
        foreach (var prefer in context.Request.Headers["Prefer"].SelectMany(v => (v ?? string.Empty).Split(',')))
        {
            var parts = prefer.Trim().Split('=', 2);
            if (parts.Length == 2 && parts[0].Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(parts[1].Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
                return size;
        }

        return null;
    }

    private static bool Prefers(HttpContext context, string preference) =>
        context.Request.Headers["Prefer"].Any(v => v is not null && v.Contains(preference, StringComparison.OrdinalIgnoreCase));

    private static bool Annotations(HttpContext context) => Prefers(context, "odata.include-annotations");

    private static void RequireMethod(string method, string expected)
    {
        if (method != expected) throw new WebApiException(405, WebApiException.ODataError, $"The HTTP method {method} is not allowed on this resource.");
    }

    private static async Task<JsonObject> ReadBody(HttpContext context)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return node as JsonObject ?? throw WebApiException.BadRequest("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw WebApiException.BadRequest("The request body is not valid JSON: " + e.Message);
        }
    }

    private JsonObject ServiceDocument(HttpContext context) => new()
    {
        ["@odata.context"] = Context(context, null),
        ["value"] = new JsonArray(dataverse.Metadata.Tables.Where(t => !t.IsIntersect).OrderBy(t => t.EntitySetName, StringComparer.Ordinal)
            .Select(t => (JsonNode)new JsonObject { ["name"] = t.EntitySetName, ["kind"] = "EntitySet", ["url"] = t.EntitySetName }).ToArray()),
    };

    private static string Base(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static string Context(HttpContext context, string? fragment) => $"{Base(context)}{Root}/$metadata" + (fragment is null ? string.Empty : "#" + fragment);

    private static string EntityUrl(HttpContext context, TableDefinition table, Guid id) => $"{Base(context)}{Root}/{table.EntitySetName}({id})";

    internal static async Task WriteJson(HttpContext context, int status, JsonNode json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal";
        await context.Response.WriteAsync(json.ToJsonString(Compact), context.RequestAborted);
    }
}
