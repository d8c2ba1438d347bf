using System.Globalization;

namespace SegmentSync.Solution.Generation;

/// <summary>
/// Dataverse's publisher rules: component names start with the customization prefix and an underscore; choice values
/// start with the option value prefix (prefix × 10,000 + 0…9,999).
/// </summary>
public static class PrefixRules
{
    public static IEnumerable<string> Check(PublisherConfig publisher,
        IEnumerable<(string Kind, string Name)> apis,
        IEnumerable<(string Kind, string Name)> settings,
        IEnumerable<(string Kind, string Name)> tables,
        IEnumerable<(string Column, int Value)> optionValues)
    {
        var prefix = publisher.Prefix + "_";
        foreach (var (kind, name) in apis.Concat(settings).Concat(tables))
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
                yield return $"{kind} '{name}' does not start with the publisher's prefix '{prefix}'.";
        }

        foreach (var (column, value) in optionValues)
        {
            if (value / 10000 != publisher.OptionValuePrefix)
                yield return $"Option value {value.ToString(CultureInfo.InvariantCulture)} of {column} does not start with the publisher's option value prefix {publisher.OptionValuePrefix.ToString(CultureInfo.InvariantCulture)}.";
        }
    }

    /// <summary>Whether <paramref name="name"/> carries <paramref name="publisher"/>'s prefix.</summary>
    public static bool HasPrefix(PublisherConfig publisher, string name) => name.StartsWith(publisher.Prefix + "_", StringComparison.Ordinal);
}
