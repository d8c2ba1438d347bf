using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class ExecuteMultipleTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();

    private static OrganizationRequestCollection Creates(params string?[] names)
    {
        var requests = new OrganizationRequestCollection();
        foreach (var name in names) requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = name } });
        return requests;
    }

    private ExecuteMultipleResponse ExecuteMultiple(OrganizationRequestCollection requests, bool continueOnError, bool returnResponses = true)
    {
        return (ExecuteMultipleResponse)_dataverse.GetService().Execute(new ExecuteMultipleRequest
        {
            Requests = requests,
            Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = returnResponses },
        });
    }

    [Fact]
    public void With_ContinueOnError_every_request_runs_and_faults_are_reported_by_index()
    {
        var response = ExecuteMultiple(Creates("A", null, "C"), continueOnError: true);

        Assert.True(response.IsFaulted);
        Assert.Equal(3, response.Responses.Count);
        Assert.Equal(1, response.Responses.Single(r => r.Fault is not null).RequestIndex);
        Assert.IsType<CreateResponse>(response.Responses[0].Response);
        Assert.Equal(2, _dataverse.Count("account"));
    }

    [Fact]
    public void Without_ContinueOnError_the_batch_stops_at_the_first_fault_keeping_earlier_work()
    {
        var response = ExecuteMultiple(Creates("A", null, "C"), continueOnError: false);

        Assert.True(response.IsFaulted);
        Assert.Equal(new[] { 0, 1 }, response.Responses.Select(r => r.RequestIndex));
        Assert.Equal(1, _dataverse.Count("account"));
    }

    [Fact]
    public void Without_ReturnResponses_only_faults_come_back()
    {
        var response = ExecuteMultiple(Creates("A", null, "C"), continueOnError: true, returnResponses: false);

        Assert.Equal(1, Assert.Single(response.Responses).RequestIndex);
    }

    [Fact]
    public void More_than_1000_requests_are_refused()
    {
        var fault = TestOrganization.Fault(() => ExecuteMultiple(Creates(Enumerable.Repeat("x", 1001).ToArray()), continueOnError: true));

        Assert.Equal(1000, fault.ErrorDetails["MaxBatchSize"]);
        Assert.Equal(0, _dataverse.Count("account"));
    }

    [Fact]
    public void A_batch_inside_a_batch_is_refused()
    {
        var inner = new ExecuteMultipleRequest { Requests = Creates("A"), Settings = new ExecuteMultipleSettings() };

        TestOrganization.Fault(() => ExecuteMultiple(new OrganizationRequestCollection { inner }, continueOnError: true));
    }

    [Fact]
    public void ExecuteTransaction_is_all_or_nothing_and_names_the_failed_request()
    {
        var service = _dataverse.GetService();

        var exception = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(
            () => service.Execute(new ExecuteTransactionRequest { Requests = Creates("A", "B", null) }));

        var detail = Assert.IsType<ExecuteTransactionFault>(exception.Detail);
        Assert.Equal(2, detail.FaultedRequestIndex);
        Assert.Equal(0, _dataverse.Count("account"));
    }

    [Fact]
    public void ExecuteTransaction_returns_responses_when_asked()
    {
        var response = (ExecuteTransactionResponse)_dataverse.GetService().Execute(new ExecuteTransactionRequest { Requests = Creates("A", "B"), ReturnResponses = true });

        Assert.Equal(2, response.Responses.Count);
        Assert.Equal(2, _dataverse.Count("account"));
    }

    [Fact]
    public void Each_item_counts_as_a_request()
    {
        ExecuteMultiple(Creates("A", "B", "C"), continueOnError: true);

        Assert.Equal(1, _dataverse.Requests.CountOf("ExecuteMultiple"));
        Assert.Equal(3, _dataverse.Requests.CountOf("Create"));
    }
}
