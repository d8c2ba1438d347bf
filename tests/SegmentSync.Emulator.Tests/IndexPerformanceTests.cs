using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class IndexPerformanceTests
{
    [Fact]
    public void Checking_10000_ids_against_a_million_contacts_uses_the_primary_key_index()
    {
        var dataverse = new InMemoryDataverse();
        dataverse.Metadata.AddTable(new TableDefinition("contact", "contactid", "fullname", "contacts").String("fullname", 160));
        var ids = Enumerable.Range(0, 1_000_000).Select(_ => Guid.NewGuid()).ToArray();
        dataverse.Seed("contact", ids.Select(id => new Entity("contact", id)));
        var wanted = ids.Where((_, i) => i % 100 == 0).Select(id => (object)id).ToArray();
        var service = dataverse.GetService();

        var watch = Stopwatch.StartNew();
        var found = 0;
        foreach (var chunk in wanted.Chunk(5000))
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("contactid") };
            query.Criteria.AddCondition("contactid", ConditionOperator.In, chunk);
            found += service.RetrieveMultiple(query).Entities.Count;
        }

        watch.Stop();
        Assert.Equal(10_000, found);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"The 10,000-id check took {watch.Elapsed}.");
    }

    [Fact]
    public void An_equality_condition_on_an_indexed_column_avoids_a_scan_of_a_large_table()
    {
        var dataverse = new InMemoryDataverse();
        dataverse.Metadata.AddTable(new TableDefinition("contact", "contactid").String("emailaddress1", 100).Index("emailaddress1"));
        dataverse.Seed("contact", Enumerable.Range(0, 200_000).Select(i => new Entity("contact") { ["emailaddress1"] = $"c{i}@example.com" }));
        var service = dataverse.GetService();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            var query = new QueryExpression("contact");
            query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, $"C{i * 7}@EXAMPLE.COM");
            Assert.Single(service.RetrieveMultiple(query).Entities);
        }

        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"1,000 indexed lookups took {watch.Elapsed}.");
    }
}
