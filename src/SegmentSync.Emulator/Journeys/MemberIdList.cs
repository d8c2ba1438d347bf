using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace SegmentSync.Emulator.Journeys;

/// <summary>
/// The member-id format of outbound marketing: a JSON array of contact id strings, each optionally prefixed "crm"
/// (["crm1405f4ba-..."]); the prefix is stripped when reading and written when serializing.
/// </summary>
public static class MemberIdList
{
    private const string Prefix = "crm";

    /// <summary>The ids in <paramref name="json"/>, or an error message when it is not such an array.</summary>
    public static IReadOnlyList<Guid> Parse(string json, out string? error)
    {
        error = null;
        var ids = new List<Guid>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                error = "The member ids must be a JSON array of strings.";
                return ids;
            }

            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String || !TryParseId(element.GetString()!, out var id))
                {
                    error = $"'{element}' is not a contact id.";
                    return ids;
                }

                ids.Add(id);
            }
        }
        catch (JsonException e)
        {
            error = "The member ids are not valid JSON: " + e.Message;
        }

        return ids;
    }

    /// <summary>One id, with or without the "crm" prefix.</summary>
    public static bool TryParseId(string text, out Guid id)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[Prefix.Length..];
        return Guid.TryParse(trimmed, out id);
    }

    /// <summary>["crm&lt;id&gt;",...] in id order, so the same set always serializes to the same text.</summary>
    public static string Serialize(IEnumerable<Guid> ids)
    {
        var builder = new StringBuilder("[");
        var first = true;
        foreach (var id in ids.OrderBy(i => i))
        {
            if (!first) builder.Append(',');
            builder.Append('"').Append(Prefix).Append(id.ToString("D")).Append('"');
            first = false;
        }

        return builder.Append(']').ToString();
    }
}
