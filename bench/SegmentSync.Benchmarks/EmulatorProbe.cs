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
}
