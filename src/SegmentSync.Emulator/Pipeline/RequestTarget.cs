using System;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>The primary entity and id of a request, as the pipeline uses them to pick steps and fill the context.</summary>
internal static partial class RequestTarget
{
    public static string? EntityName(OrganizationRequest request)
    {
        var parameters = request.Parameters;
        if (parameters.TryGetValue("Target", out var target))
        {
            if (target is Entity entity) return entity.LogicalName;
            if (target is EntityReference reference) return reference.LogicalName;
        }

        if (parameters.TryGetValue("Query", out var query))
        {
            return query switch
            {
                QueryExpression expression => expression.EntityName,
                QueryByAttribute byAttribute => byAttribute.EntityName,
                FetchExpression fetch when fetch.Query is not null => FetchEntity().Match(fetch.Query) is { Success: true } m ? m.Groups[1].Value : null,
                _ => null,
            };
        }

        return null;
    }

    public static Guid Id(OrganizationRequest request)
    {
        if (!request.Parameters.TryGetValue("Target", out var target)) return Guid.Empty;
        return target switch
        {
            Entity entity => entity.Id,
            EntityReference reference => reference.Id,
            _ => Guid.Empty,
        };
    }

    [GeneratedRegex("<entity\\s+name\\s*=\\s*[\"']([^\"']+)[\"']")]
    private static partial Regex FetchEntity();
}
