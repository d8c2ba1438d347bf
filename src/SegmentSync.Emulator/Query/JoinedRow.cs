using System.Collections.Generic;

namespace SegmentSync.Emulator;

/// <summary>A primary row with the rows its link-entities matched (null for an outer join without a match).</summary>
internal sealed class JoinedRow
{
    private readonly Dictionary<string, Row?>? _links;

    public JoinedRow(Row primary)
        : this(primary, null)
    {
    }

    private JoinedRow(Row primary, Dictionary<string, Row?>? links)
    {
        Primary = primary;
        _links = links;
    }

    public Row Primary { get; }

    /// <summary>The row for <paramref name="alias"/> (null alias = primary); null when the outer join found none.</summary>
    public Row? RowOf(string? alias)
    {
        if (alias is null) return Primary;
        return _links is not null && _links.TryGetValue(alias, out var row) ? row : null;
    }

    public IEnumerable<KeyValuePair<string, Row?>> Links => _links ?? (IEnumerable<KeyValuePair<string, Row?>>)System.Array.Empty<KeyValuePair<string, Row?>>();

    public JoinedRow With(string alias, Row? row)
    {
        var links = _links is null ? new Dictionary<string, Row?>() : new Dictionary<string, Row?>(_links);
        links[alias] = row;
        return new JoinedRow(Primary, links);
    }
}
