using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Benchmarks.Profiling;
using SegmentSync.Emulator;
using SegmentSync.Emulator.Journeys;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Benchmarks;

/// <summary>Is the emulator fast where SegmentSync leans on it? Existence checks, and member-message bookkeeping.</summary>
public static class EmulatorProbe
{
    public sealed record ExistenceCheck(int TableRows, int Ids, int Queries, double CpuMs, double WallMs)
    {
        public double MicrosecondsPerId => CpuMs * 1000 / Ids;
    }

    /// <summary>Checks <paramref name="ids"/> the way SegmentSync does: In-queries on contactid, 5,000 ids a query.</summary>
    public static ExistenceCheck Check(InMemoryDataverse dataverse, IReadOnlyList<Guid> ids, int repeat = 1)
    {
        var service = dataverse.GetService();
        var queries = 0;
        var found = 0;
        var cpu = ThreadCpu.Now();
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < repeat; r++)
        {
            foreach (var chunk in ids.Chunk(Limits.ExistenceCheckChunk))
            {
                var query = new QueryExpression(ContactTable.LogicalName)
                {
                    ColumnSet = new ColumnSet(ContactTable.PrimaryId),
                    PageInfo = new PagingInfo { Count = Limits.ExistenceCheckChunk, PageNumber = 1 },
                };
                query.Criteria.AddCondition(ContactTable.PrimaryId, ConditionOperator.In, chunk.Cast<object>().ToArray());
                found += service.RetrieveMultiple(query).Entities.Count;
                queries++;
            }
        }

        if (found != ids.Count * repeat)
        {
            throw new InvalidOperationException($"The existence check found {found} of {ids.Count * repeat} contacts.");
        }

        return new ExistenceCheck(dataverse.Count(ContactTable.LogicalName), ids.Count * repeat, queries, ThreadCpu.Ms(ThreadCpu.Now() - cpu), watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The same check against a table of <paramref name="rows"/> contacts: per-id cost must not depend on the table's size.</summary>
    public static ExistenceCheck CheckSmallTable(int rows, int repeat)
    {
        var dataverse = new InMemoryDataverse();
        dataverse.Metadata.AddTable(OutboundMarketingModel.Contact());
        var ids = Enumerable.Range(0, rows).Select(_ => Guid.NewGuid()).ToList();
        dataverse.Seed(ContactTable.LogicalName, ids.Select(id => new Entity(ContactTable.LogicalName, id)));
        Check(dataverse, ids);
        return Check(dataverse, ids, repeat);
    }

    /// <summary>One query whose condition has no index (full scan), for contrast.</summary>
    public static double ScanMs(InMemoryDataverse dataverse)
    {
        var query = new QueryExpression(ContactTable.LogicalName) { ColumnSet = new ColumnSet(ContactTable.PrimaryId), TopCount = 1 };
        query.Criteria.AddCondition(ContactSchema.FullName, ConditionOperator.Equal, "nobody at all");
        var cpu = ThreadCpu.Now();
        dataverse.GetService().RetrieveMultiple(query);
        return ThreadCpu.Ms(ThreadCpu.Now() - cpu);
    }

    /// <summary>A bare HashSet lookup per id, for scale.</summary>
    public static double HashLookupNanosecondsPerId(IReadOnlyList<Guid> ids)
    {
        var set = new HashSet<Guid>(ids);
        var hits = 0;
        var cpu = ThreadCpu.Now();
        foreach (var id in ids)
        {
            if (set.Contains(id))
            {
                hits++;
            }
        }

        return hits == ids.Count ? (ThreadCpu.Now() - cpu) / (double)ids.Count : double.NaN;
    }

    /// <summary>
    /// What the emulator's own model adds to every include/exclude that changes a static segment: it serializes the
    /// whole member set, sorted (MemberIdList.Serialize), before finding it too long for the column. CPU ms by size.
    /// </summary>
    public static List<(int Members, double Ms)> SerializeCost(IReadOnlyList<Guid> contacts, int[] sizes)
    {
        var result = new List<(int, double)>();
        foreach (var size in sizes.Where(s => s <= contacts.Count))
        {
            var set = new HashSet<Guid>(contacts.Take(size));
            MemberIdList.Serialize(set.Take(1000));
            var best = double.MaxValue;
            for (var i = 0; i < 2; i++)
            {
                var cpu = ThreadCpu.Now();
                var text = MemberIdList.Serialize(set);
                best = Math.Min(best, ThreadCpu.Ms(ThreadCpu.Now() - cpu));
                if (text.Length != BenchOutboundMarketing.SerializedLength(size))
                {
                    throw new InvalidOperationException("Unexpected serialized length.");
                }
            }

            result.Add((size, best));
        }

        return result;
    }

    /// <summary>
    /// The emulator's model's extra time for a scenario's member messages: each changes the set, then serializes all
    /// of it. <paramref name="sizes"/> are the set sizes after each request; cost per member from the largest probe.
    /// </summary>
    public static double ExtraSeconds(IEnumerable<long> sizes, List<(int Members, double Ms)> cost)
    {
        var (members, ms) = cost[^1];
        var perMember = ms / members;
        return sizes.Where(s => BenchOutboundMarketing.SerializedLength(s) > SegmentSchema.MemberIdsMaxLength).Sum(s => s * perMember) / 1000.0;
    }
}
