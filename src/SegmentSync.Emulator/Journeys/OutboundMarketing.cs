using System;
using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Emulator.Journeys;

/// <summary>
/// The installed outbound marketing model: each segment's internal member set. The documented API cannot read a
/// member set; <see cref="MembersOf"/> is the emulator's inspection door for tests.
/// </summary>
public sealed class OutboundMarketing : IPersistentState
{
    private readonly Dictionary<Guid, HashSet<Guid>> _members = new();
    private readonly InMemoryDataverse _dataverse;

    internal OutboundMarketing(InMemoryDataverse dataverse)
    {
        _dataverse = dataverse;
        dataverse.RegisterState(this);
    }

    string IPersistentState.Name => "outbound-members";

    string? IPersistentState.Read(string key)
    {
        var (segment, contact) = ParseKey(key);
        return _members.TryGetValue(segment, out var set) && set.Contains(contact) ? "1" : null;
    }

    IEnumerable<KeyValuePair<string, string>> IPersistentState.ReadAll() =>
        _members.SelectMany(kv => kv.Value.Select(contact => new KeyValuePair<string, string>(Key(kv.Key, contact), "1")));

    void IPersistentState.Load(string key, string? value)
    {
        var (segment, contact) = ParseKey(key);
        if (value is null) Set(segment).Remove(contact);
        else Set(segment).Add(contact);
    }

    private static string Key(Guid segment, Guid contact) => segment.ToString("N") + ":" + contact.ToString("N");

    private static (Guid Segment, Guid Contact) ParseKey(string key) => (Guid.ParseExact(key[..32], "N"), Guid.ParseExact(key[33..], "N"));

    private void Touch(Guid segment, IEnumerable<Guid> contacts)
    {
        foreach (var contact in contacts) _dataverse.Touch(this, Key(segment, contact));
    }

    /// <summary>The contacts in the segment's member set (empty for an unknown segment), sorted by id.</summary>
    public IReadOnlyList<Guid> MembersOf(Guid segmentId)
    {
        lock (_dataverse.Gate)
        {
            return _members.TryGetValue(segmentId, out var set) ? set.OrderBy(id => id).ToList() : new List<Guid>();
        }
    }

    /// <summary>The live set (callers hold the emulator's lock); created on first use.</summary>
    internal HashSet<Guid> Set(Guid segmentId)
    {
        if (!_members.TryGetValue(segmentId, out var set)) _members[segmentId] = set = new HashSet<Guid>();
        return set;
    }

    /// <summary>Replaces a segment's members; <paramref name="onRollback"/> receives the undo.</summary>
    internal void Replace(Guid segmentId, IEnumerable<Guid> members, Action<Action> onRollback)
    {
        var old = _members.TryGetValue(segmentId, out var existing) ? existing : null;
        _members[segmentId] = new HashSet<Guid>(members);
        if (old is not null) Touch(segmentId, old);
        Touch(segmentId, _members[segmentId]);
        onRollback(() =>
        {
            if (old is null) _members.Remove(segmentId);
            else _members[segmentId] = old;
        });
    }

    /// <summary>Adds or removes members; returns how many changed, recording the undo of exactly those.</summary>
    internal int Change(Guid segmentId, IEnumerable<Guid> contacts, bool include, Action<Action> onRollback)
    {
        var set = Set(segmentId);
        var changed = contacts.Distinct().Where(id => include ? set.Add(id) : set.Remove(id)).ToList();
        Touch(segmentId, changed);
        if (changed.Count > 0)
        {
            onRollback(() =>
            {
                foreach (var id in changed)
                {
                    if (include) set.Remove(id);
                    else set.Add(id);
                }
            });
        }

        return changed.Count;
    }

    /// <summary>Removes a deleted contact from every set; returns the segments that lost it.</summary>
    internal List<Guid> RemoveEverywhere(Guid contactId, Action<Action> onRollback)
    {
        var affected = _members.Where(kv => kv.Value.Contains(contactId)).Select(kv => kv.Key).ToList();
        foreach (var segmentId in affected) Change(segmentId, new[] { contactId }, include: false, onRollback);
        return affected;
    }

    /// <summary>Forgets a deleted segment's set.</summary>
    internal void Drop(Guid segmentId, Action<Action> onRollback)
    {
        if (!_members.Remove(segmentId, out var old)) return;
        Touch(segmentId, old);
        onRollback(() => _members[segmentId] = old);
    }
}
