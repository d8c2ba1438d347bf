using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace SegmentSync.Emulator.Journeys;

/// <summary>
/// The installed real-time journeys model: the members of each static group of each segment definition. The
/// documented way to read them is msdynmkt_ListGroupMembers; <see cref="MembersOf"/> is the tests' inspection door.
/// </summary>
public sealed class RealTimeJourneys : IPersistentState
{
    private readonly Dictionary<(Guid Definition, Guid Group), HashSet<Guid>> _groups = new();
    private readonly Dictionary<Guid, List<GroupDeclaration>> _declarations = new();

    // Each group's members in id order, built on the first page read after a change: paging a 200,000-id group does
    // not sort it again for every page.
    private readonly Dictionary<(Guid Definition, Guid Group), Guid[]> _sorted = new();
    private readonly InMemoryDataverse _dataverse;

    private int _publications;

    internal RealTimeJourneys(InMemoryDataverse dataverse)
    {
        _dataverse = dataverse;
        dataverse.RegisterState(this);
    }

    // Items: "p" (publications), "d:<definition>" (group declarations as JSON), "m:<definition>:<group>:<contact>" (a member).
    string IPersistentState.Name => "realtime-journeys";

    string? IPersistentState.Read(string key)
    {
        if (key == "p") return _publications.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (key.StartsWith("d:", StringComparison.Ordinal))
            return _declarations.TryGetValue(Guid.ParseExact(key[2..], "N"), out var declared) ? JsonSerializer.Serialize(declared) : null;
        var (definition, group, contact) = ParseMember(key);
        return _groups.TryGetValue((definition, group), out var set) && set.Contains(contact) ? "1" : null;
    }

    IEnumerable<KeyValuePair<string, string>> IPersistentState.ReadAll()
    {
        yield return new("p", _publications.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (definition, declared) in _declarations) yield return new("d:" + definition.ToString("N"), JsonSerializer.Serialize(declared));
        foreach (var ((definition, group), set) in _groups)
        {
            foreach (var contact in set) yield return new(MemberKey(definition, group, contact), "1");
        }
    }

    void IPersistentState.Load(string key, string? value)
    {
        if (key == "p")
        {
            _publications = value is null ? 0 : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (key.StartsWith("d:", StringComparison.Ordinal))
        {
            var definition = Guid.ParseExact(key[2..], "N");
            if (value is null) _declarations.Remove(definition);
            else _declarations[definition] = JsonSerializer.Deserialize<List<GroupDeclaration>>(value) ?? new List<GroupDeclaration>();
        }
        else
        {
            var (definition, group, contact) = ParseMember(key);
            _sorted.Remove((definition, group));
            if (value is null) Group(definition, group).Remove(contact);
            else Group(definition, group).Add(contact);
        }
    }

    private static string MemberKey(Guid definition, Guid group, Guid contact) => $"m:{definition:N}:{group:N}:{contact:N}";

    private static (Guid Definition, Guid Group, Guid Contact) ParseMember(string key) =>
        (Guid.ParseExact(key.Substring(2, 32), "N"), Guid.ParseExact(key.Substring(35, 32), "N"), Guid.ParseExact(key.Substring(68, 32), "N"));

    /// <summary>How many times a definition was published (a refresh must not republish without need).</summary>
    public int Publications
    {
        get
        {
            lock (_dataverse.Gate)
            {
                return _publications;
            }
        }
    }

    internal void Published(Guid definitionId, Action<Action> onRollback)
    {
        _publications++;
        _dataverse.Touch(this, "p");
        onRollback(() => _publications--);
    }

    /// <summary>Static members of the definition: the union of its Include groups less its Exclude groups, sorted.</summary>
    public IReadOnlyList<Guid> MembersOf(Guid definitionId)
    {
        lock (_dataverse.Gate)
        {
            var declarations = Declarations(definitionId);
            var included = new HashSet<Guid>();
            foreach (var group in declarations.Where(d => d.Include)) included.UnionWith(Group(definitionId, group.Id));
            foreach (var group in declarations.Where(d => !d.Include)) included.ExceptWith(Group(definitionId, group.Id));
            return included.OrderBy(id => id).ToList();
        }
    }

    /// <summary>True for a definition that declares static member groups.</summary>
    public bool HasDefinition(Guid definitionId)
    {
        lock (_dataverse.Gate)
        {
            return _declarations.ContainsKey(definitionId);
        }
    }

    /// <summary>The members of one group, sorted.</summary>
    public IReadOnlyList<Guid> GroupMembers(Guid definitionId, Guid groupId)
    {
        lock (_dataverse.Gate)
        {
            return Group(definitionId, groupId).OrderBy(id => id).ToList();
        }
    }

    internal HashSet<Guid> Group(Guid definitionId, Guid groupId)
    {
        if (!_groups.TryGetValue((definitionId, groupId), out var set)) _groups[(definitionId, groupId)] = set = new HashSet<Guid>();
        return set;
    }

    /// <summary>A group's members in id order (callers hold the emulator's lock).</summary>
    internal Guid[] Sorted(Guid definitionId, Guid groupId)
    {
        if (!_sorted.TryGetValue((definitionId, groupId), out var sorted))
        {
            sorted = Group(definitionId, groupId).ToArray();
            Array.Sort(sorted);
            _sorted[(definitionId, groupId)] = sorted;
        }

        return sorted;
    }

    internal int Change(Guid definitionId, Guid groupId, IEnumerable<Guid> ids, bool add, Action<Action> onRollback)
    {
        _sorted.Remove((definitionId, groupId));
        onRollback(() => _sorted.Remove((definitionId, groupId)));
        var set = Group(definitionId, groupId);
        var changed = ids.Distinct().Where(id => add ? set.Add(id) : set.Remove(id)).ToList();
        foreach (var id in changed) _dataverse.Touch(this, MemberKey(definitionId, groupId, id));
        if (changed.Count > 0)
        {
            onRollback(() =>
            {
                foreach (var id in changed)
                {
                    if (add) set.Remove(id);
                    else set.Add(id);
                }
            });
        }

        return changed.Count;
    }

    internal void RemoveEverywhere(Guid contactId, Action<Action> onRollback)
    {
        foreach (var key in _groups.Where(kv => kv.Value.Contains(contactId)).Select(kv => kv.Key).ToList())
        {
            Change(key.Definition, key.Group, new[] { contactId }, add: false, onRollback);
        }
    }

    internal void Drop(Guid definitionId, Action<Action> onRollback)
    {
        foreach (var key in _groups.Keys.Where(k => k.Definition == definitionId).ToList())
        {
            _sorted.Remove(key);
            var old = _groups[key];
            _groups.Remove(key);
            foreach (var id in old) _dataverse.Touch(this, MemberKey(key.Definition, key.Group, id));
            onRollback(() =>
            {
                _groups[key] = old;
                _sorted.Remove(key);
            });
        }

        _dataverse.Touch(this, "d:" + definitionId.ToString("N"));
        if (_declarations.Remove(definitionId, out var declared)) onRollback(() => _declarations[definitionId] = declared);
    }

    /// <summary>The groups the definition declares (kept in step with msdynmkt_staticlistmembers by the behaviour).</summary>
    internal List<GroupDeclaration> Declarations(Guid definitionId) =>
        _declarations.TryGetValue(definitionId, out var list) ? list : new List<GroupDeclaration>();

    internal void Declare(Guid definitionId, List<GroupDeclaration> declarations, Action<Action> onRollback)
    {
        var old = _declarations.TryGetValue(definitionId, out var existing) ? existing : null;
        _declarations[definitionId] = declarations;
        _dataverse.Touch(this, "d:" + definitionId.ToString("N"));
        onRollback(() =>
        {
            if (old is null) _declarations.Remove(definitionId);
            else _declarations[definitionId] = old;
        });
    }
}

/// <summary>One static member group a definition declares in msdynmkt_staticlistmembers.</summary>
internal sealed record GroupDeclaration(Guid Id, bool Include, string Name)
{
    /// <summary>Parses the JSON array; a message describing the first problem, or null.</summary>
    public static List<GroupDeclaration> Parse(string? json, out string? error)
    {
        error = null;
        var result = new List<GroupDeclaration>();
        if (string.IsNullOrWhiteSpace(json)) return result;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array) { error = "msdynmkt_staticlistmembers must be a JSON array."; return result; }
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("groupId", out var id) || !Guid.TryParse(id.GetString(), out var groupId)
                    || !item.TryGetProperty("includeType", out var type) || type.GetString() is not ("Include" or "Exclude"))
                {
                    error = "Each static member group needs a GUID groupId and an includeType of Include or Exclude.";
                    return result;
                }

                result.Add(new GroupDeclaration(groupId, type.GetString() == "Include", item.TryGetProperty("name", out var name) ? name.GetString() ?? "" : ""));
            }
        }
        catch (JsonException e)
        {
            error = "msdynmkt_staticlistmembers is not valid JSON: " + e.Message;
            return result;
        }

        if (result.Count > RealTimeSchema.MaxGroups) error = $"A segment definition declares at most {RealTimeSchema.MaxGroups} static member groups; this one declares {result.Count}.";
        else if (result.Select(g => g.Id).Distinct().Count() != result.Count) error = "Static member group ids must be unique within the segment.";
        return result;
    }

}
