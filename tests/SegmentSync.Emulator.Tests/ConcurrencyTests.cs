using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class ConcurrencyTests
{
    [Fact]
    public void Parallel_callers_all_succeed_with_distinct_records()
    {
        var dataverse = TestOrganization.Create();

        var ids = Enumerable.Range(0, 400).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => dataverse.GetService().CreateContact("C" + i))
            .ToList();

        Assert.Equal(400, ids.Distinct().Count());
        Assert.Equal(400, dataverse.Count("contact"));
        Assert.Equal(400, dataverse.Requests.CountOf("Create"));
    }

    [Fact]
    public void A_read_modify_write_in_one_request_is_serializable()
    {
        var dataverse = TestOrganization.Create();
        var counter = dataverse.GetService().Create(new Entity("account") { ["name"] = "counter", ["numberofemployees"] = 0 });
        dataverse.Plugins.RegisterCustomApi(new CustomApiDefinition("new_Increment"), () => new DelegatePlugin((c, s) =>
        {
            var current = s.Retrieve("account", counter, new ColumnSet("numberofemployees")).GetAttributeValue<int>("numberofemployees");
            s.Update(new Entity("account", counter) { ["numberofemployees"] = current + 1 });
        }));

        Parallel.For(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => dataverse.GetService().Execute(new OrganizationRequest("new_Increment")));

        Assert.Equal(300, dataverse.GetService().Retrieve("account", counter, new ColumnSet("numberofemployees"))["numberofemployees"]);
    }

    [Fact]
    public void Readers_and_writers_can_run_in_parallel()
    {
        var dataverse = TestOrganization.Create();
        var service = dataverse.GetService();
        var account = service.CreateAccount("A");

        Parallel.Invoke(
            () => { for (var i = 0; i < 200; i++) service.CreateContact("C" + i, account); },
            () => { for (var i = 0; i < 200; i++) Assert.True(service.RetrieveMultiple(new QueryExpression("contact")).Entities.Count <= 200); },
            () => { for (var i = 0; i < 200; i++) service.Update(new Entity("account", account) { ["description"] = "v" + i }); });

        Assert.Equal(200, dataverse.Count("contact"));
    }
}
