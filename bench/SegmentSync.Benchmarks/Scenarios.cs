using Microsoft.Xrm.Sdk;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Benchmarks;

/// <summary>What an import must end with: the counts the Custom API reports.</summary>
public sealed record Expectation(int Received, int Matched, int Ignored, int Added, int Removed);

/// <summary>
/// One import of a scenario: the export, its ids as the caller sends them, what it must report, and what the lower
/// bound and the naive peer need to know about it (the diff against the segment's current membership).
/// </summary>
public sealed class ImportSpec
{
    public required SegmentExport Export { get; init; }
    public required List<string> Ids { get; init; }
    public required Expectation Expect { get; init; }

    /// <summary>The membership before the import (empty for a new segment): the baseline diffs against it.</summary>
    public required IReadOnlyCollection<Guid> Current { get; init; }

    /// <summary>Wanted ids that are not current members (contacts and unknown ids alike).</summary>
    public required IReadOnlyList<Guid> AddCandidates { get; init; }

    /// <summary>Current members that are not wanted.</summary>
    public required IReadOnlyList<Guid> Removes { get; init; }

    /// <summary>Add candidates that are contacts.</summary>
    public required int AddsExisting { get; init; }

    public bool SegmentIsNew { get; init; }

    public required SegmentTargetOption Target { get; init; }

    /// <summary>
    /// Whether the segment's current membership can be read from the segment: always for real-time (listed page by
    /// page); for outbound, while msdyncrm_segmentmemberids holds it (at most 23,809 ids).
    /// </summary>
    public bool MembershipReadable => Target == SegmentTargetOption.RealTime
        || SegmentSync.Plugins.Domain.MemberIdListCodec.SerializedLength(Current.Count, withPrefix: true) <= SegmentSync.Emulator.Journeys.SegmentSchema.MemberIdsMaxLength;

    public int Batches => Math.Max(1, (Ids.Count + SegmentImportClient.MaxBatchSize - 1) / SegmentImportClient.MaxBatchSize);
}

/// <summary>A measured scenario: its imports, run in order in one environment.</summary>
public sealed class Scenario
{
    public required string Key { get; init; }
    public required SegmentTargetOption Target { get; init; }

    /// <summary>S1-S4 on msdyncrm_segment, R1-R4 on real-time journeys.</summary>
    public string Label => (Target == SegmentTargetOption.RealTime ? "R" : "S") + Key.Substring(1);
    public required string Title { get; init; }
    public required List<ImportSpec> Imports { get; init; }

    public long Ids => Imports.Sum(i => (long)i.Ids.Count);
}

/// <summary>
/// The contacts and exports of the four scenarios of issue 5 at a given scale (1,000,000 by default):
/// contacts c[0..1.03N); S1 exports c[0..N); S2 keeps c[0..0.96N), removes c[0.96N..N), adds c[N..1.03N) and sends
/// 0.01N unknown ids; S3 sends S2's ids again; S4 refreshes 100 segments of 1,000 members with the same mix.
/// Ids are deterministic (seeded) and every export is shuffled, as a source does not sort its exports.
/// </summary>
public sealed class Population
{
    public const int SmallSegmentSize = 1000;
    private readonly Random _random;
    private readonly DateTime _t0 = DateTime.UtcNow.Date.AddDays(-2);

    public Population(int scale, int smallSegments = 100, int seed = 5)
    {
        Scale = scale;
        SmallSegments = smallSegments;
        _random = new Random(seed);
        var count = scale + scale * 3 / 100;
        if (count < smallSegments * (SmallSegmentSize + SmallSegmentSize * 3 / 100))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "The scale must leave room for the small segments.");
        }

        Contacts = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            Contacts[i] = NewGuid();
        }
    }

    public int Scale { get; }
    public int SmallSegments { get; }
    public Guid[] Contacts { get; }

    public int Seed(SegmentSync.Emulator.InMemoryDataverse dataverse) =>
        dataverse.Seed(ContactTable.LogicalName, Contacts.Select(id => new Entity(ContactTable.LogicalName, id)));

    public static SegmentExport Export(string externalId, string name, DateTime exportedOn) =>
        new(externalId, name, "https://contoso.crm.dynamics.com/customerinsights/segments/" + externalId, exportedOn);

    public static string Prefix(SegmentTargetOption target) => target == SegmentTargetOption.RealTime ? "rt-" : string.Empty;

    public Scenario FirstImport(SegmentTargetOption target, string? externalId = null, string key = "S1")
    {
        var members = Contacts.Take(Scale).ToList();
        externalId ??= Prefix(target) + "big";
        return new Scenario
        {
            Key = key,
            Target = target,
            Title = $"First import, {Scale:N0} members (all new)",
            Imports = new List<ImportSpec>
            {
                new ImportSpec
                {
                    Export = Export(externalId, "Big segment", _t0),
                    Ids = Shuffled(members),
                    Expect = new Expectation(Scale, Scale, 0, Scale, 0),
                    Current = Array.Empty<Guid>(),
                    AddCandidates = members,
                    Removes = Array.Empty<Guid>(),
                    AddsExisting = Scale,
                    SegmentIsNew = true,
                    Target = target,
                },
            },
        };
    }

    /// <summary>S2: a refresh of the Live segment S1 left (all of c[0..N)).</summary>
    public Scenario Refresh(SegmentTargetOption target, out List<Guid> unknown, string? externalId = null)
    {
        var kept = Scale * 96 / 100;
        var added = Scale * 3 / 100;
        var unknownCount = Scale / 100;
        var current = Contacts.Take(Scale).ToList();
        var adds = Contacts.Skip(Scale).Take(added).ToList();
        unknown = Enumerable.Range(0, unknownCount).Select(_ => NewGuid()).ToList();
        var wanted = Contacts.Take(kept).Concat(adds).Concat(unknown).ToList();
        return new Scenario
        {
            Key = "S2",
            Target = target,
            Title = $"Refresh of a Live {Scale:N0}-member segment: {kept:N0} unchanged, {added:N0} added, {Scale - kept:N0} removed, {unknownCount:N0} unknown",
            Imports = new List<ImportSpec>
            {
                new ImportSpec
                {
                    Export = Export(externalId ?? Prefix(target) + "big", "Big segment", _t0.AddHours(1)),
                    Ids = Shuffled(wanted),
                    Expect = new Expectation(wanted.Count, kept + added, unknownCount, added, Scale - kept),
                    Current = current,
                    AddCandidates = adds.Concat(unknown).ToList(),
                    Removes = Contacts.Skip(kept).Take(Scale - kept).ToList(),
                    AddsExisting = added,
                    Target = target,
                },
            },
        };
    }

    /// <summary>S3: the same ids as S2 again, exported later: nothing changes.</summary>
    public Scenario NoChange(Scenario refresh, List<Guid> unknown)
    {
        var previous = refresh.Imports[0];
        var members = Contacts.Take(Scale * 96 / 100).Concat(Contacts.Skip(Scale).Take(Scale * 3 / 100)).ToList();
        return new Scenario
        {
            Key = "S3",
            Target = refresh.Target,
            Title = $"Refresh with no change ({previous.Ids.Count:N0} ids, the same as S2's)",
            Imports = new List<ImportSpec>
            {
                new ImportSpec
                {
                    Export = Export(previous.Export.ExternalSegmentId, "Big segment", _t0.AddHours(2)),
                    Ids = Shuffled(previous.Ids),
                    Expect = new Expectation(previous.Ids.Count, members.Count, unknown.Count, 0, 0),
                    Current = members,
                    // The ids that matched no contact last time are checked again: they may be contacts by now.
                    AddCandidates = unknown,
                    Removes = Array.Empty<Guid>(),
                    AddsExisting = 0,
                    Target = refresh.Target,
                },
            },
        };
    }

    /// <summary>S4's segments before the run: 1,000 members each, from blocks of 1,030 contacts at the end of the table.</summary>
    public List<(SegmentExport Export, List<string> Ids)> SmallSegmentsBefore(SegmentTargetOption target)
    {
        var result = new List<(SegmentExport, List<string>)>();
        for (var k = 0; k < SmallSegments; k++)
        {
            result.Add((Export(Prefix(target) + "small-" + k.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), "Small segment " + k, _t0), Shuffled(Block(k).Take(SmallSegmentSize).ToList())));
        }

        return result;
    }

    public Scenario SmallSegmentsRefresh(SegmentTargetOption target)
    {
        var kept = SmallSegmentSize * 96 / 100;
        var added = SmallSegmentSize * 3 / 100;
        var unknownCount = SmallSegmentSize / 100;
        var imports = new List<ImportSpec>();
        for (var k = 0; k < SmallSegments; k++)
        {
            var block = Block(k);
            var adds = block.Skip(SmallSegmentSize).Take(added).ToList();
            var unknown = Enumerable.Range(0, unknownCount).Select(_ => NewGuid()).ToList();
            var wanted = block.Take(kept).Concat(adds).Concat(unknown).ToList();
            imports.Add(new ImportSpec
            {
                Export = Export(Prefix(target) + "small-" + k.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), "Small segment " + k, _t0.AddHours(1)),
                Ids = Shuffled(wanted),
                Expect = new Expectation(wanted.Count, kept + added, unknownCount, added, SmallSegmentSize - kept),
                Current = block.Take(SmallSegmentSize).ToList(),
                AddCandidates = adds.Concat(unknown).ToList(),
                Removes = block.Skip(kept).Take(SmallSegmentSize - kept).ToList(),
                AddsExisting = added,
                Target = target,
            });
        }

        return new Scenario
        {
            Key = "S4",
            Target = target,
            Title = $"{SmallSegments} Live segments of {SmallSegmentSize:N0} members refreshed in one run ({kept} unchanged, {added} added, {SmallSegmentSize - kept} removed, {unknownCount} unknown each)",
            Imports = imports,
        };
    }

    private IEnumerable<Guid> Block(int k)
    {
        var size = SmallSegmentSize + SmallSegmentSize * 3 / 100;
        return Contacts.Skip(Contacts.Length - (k + 1) * size).Take(size);
    }

    private List<string> Shuffled(IReadOnlyCollection<Guid> ids) => Shuffled(ids.Select(id => id.ToString("D")).ToList());

    private List<string> Shuffled(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
