using System.Globalization;
using System.Text.Json;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.WebApi.Persistence;

/// <summary>
/// A row's attributes as a JSON object of type-tagged strings ("s:text", "i:42", "r:contact:guid", ...), so that
/// every SDK value type comes back as itself.
/// </summary>
public static class EntityCodec
{
    public static string Encode(Entity entity)
    {
        var values = new Dictionary<string, string>(entity.Attributes.Count, StringComparer.Ordinal);
        foreach (var (name, value) in entity.Attributes)
        {
            if (value is null || name == entity.LogicalName + "id" && value is Guid) continue;
            values[name] = EncodeValue(value);
        }

        return JsonSerializer.Serialize(values);
    }

    public static Entity Decode(string table, Guid id, string json)
    {
        var entity = new Entity(table, id);
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new()) entity[name] = DecodeValue(value);
        return entity;
    }

    public static string EncodeValue(object value)
    {
        var c = CultureInfo.InvariantCulture;
        return value switch
        {
            string s => "s:" + s,
            int i => "i:" + i.ToString(c),
            long l => "l:" + l.ToString(c),
            bool b => b ? "b:1" : "b:0",
            decimal d => "d:" + d.ToString(c),
            double f => "f:" + f.ToString("R", c),
            DateTime t => "t:" + DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("O", c),
            Guid g => "g:" + g.ToString("D"),
            OptionSetValue o => "o:" + o.Value.ToString(c),
            Money m => "m:" + m.Value.ToString(c),
            EntityReference r => "r:" + r.LogicalName + ":" + r.Id.ToString("D"),
            _ => throw new NotSupportedException($"Cannot persist a value of type {value.GetType().FullName}."),
        };
    }

    public static object DecodeValue(string text)
    {
        var c = CultureInfo.InvariantCulture;
        var body = text[2..];
        return text[0] switch
        {
            's' => body,
            'i' => int.Parse(body, c),
            'l' => long.Parse(body, c),
            'b' => body == "1",
            'd' => decimal.Parse(body, c),
            'f' => double.Parse(body, c),
            't' => DateTime.Parse(body, c, DateTimeStyles.RoundtripKind),
            'g' => Guid.Parse(body),
            'o' => new OptionSetValue(int.Parse(body, c)),
            'm' => new Money(decimal.Parse(body, c)),
            'r' => new EntityReference(body[..body.LastIndexOf(':')], Guid.Parse(body[(body.LastIndexOf(':') + 1)..])),
            _ => throw new FormatException($"Unknown persisted value '{text}'."),
        };
    }
}
