using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class RequestLogTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();

    [Fact]
    public void Requests_are_counted_by_message_and_those_from_plugins_separately()
    {
        _dataverse.Plugins.RegisterStep(
            new StepRegistration("Create", "account", PipelineStage.PostOperation),
            () => new DelegatePlugin((c, s) =>
            {
                s.CreateContact("Child", c.PrimaryEntityId);
                s.RetrieveMultiple(new QueryExpression("contact"));
            }));
        var service = _dataverse.GetService();

        service.CreateAccount("A");
        service.CreateAccount("B");
        service.RetrieveMultiple(new QueryExpression("account"));

        Assert.Equal(7, _dataverse.Requests.Total);
        Assert.Equal(4, _dataverse.Requests.CountOf("Create"));
        Assert.Equal(3, _dataverse.Requests.CountOf("RetrieveMultiple"));
        Assert.Equal(4, _dataverse.Requests.FromPluginsTotal);
        Assert.Equal(2, _dataverse.Requests.FromPluginsByMessage["Create"]);
        Assert.Equal(2, _dataverse.Requests.FromPluginsCountOf("RetrieveMultiple"));
        Assert.Equal(4, _dataverse.Requests.ByMessage["Create"]);
    }

    [Fact]
    public void Reset_sets_every_counter_to_zero()
    {
        _dataverse.GetService().CreateAccount("A");

        _dataverse.Requests.Reset();

        Assert.Equal(0, _dataverse.Requests.Total);
        Assert.Equal(0, _dataverse.Requests.CountOf("Create"));
        Assert.Empty(_dataverse.Requests.ByMessage);
    }

    [Fact]
    public void Failed_requests_are_counted_too()
    {
        TestOrganization.Fault(() => _dataverse.GetService().Update(new Entity("account", System.Guid.NewGuid()) { ["name"] = "x" }));

        Assert.Equal(1, _dataverse.Requests.CountOf("Update"));
    }
}
