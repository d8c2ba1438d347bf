using System;
using System.Collections.Generic;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Emulator.Tests;

public class FaultTests
{
    private readonly InMemoryDataverse _dataverse = TestOrganization.Create();

    [Fact]
    public void FailNth_fails_exactly_that_request_with_a_transient_Dataverse_fault()
    {
        var service = _dataverse.GetService();
        _dataverse.Faults.FailNth(2);

        service.CreateAccount("First");
        var fault = TestOrganization.Fault(() => service.CreateAccount("Second"));
        service.CreateAccount("Third");

        Assert.Equal(-2147204783, fault.ErrorCode);
        Assert.Contains("Sql error", fault.Message);
        Assert.Equal(2, _dataverse.Count("account"));
        Assert.Equal(1, _dataverse.Faults.Injected);
    }

    [Fact]
    public void FailWhen_fails_matching_requests_the_given_number_of_times_with_a_custom_fault()
    {
        var service = _dataverse.GetService();
        _dataverse.Faults.FailWhen(info => info.MessageName == "Create" && info.EntityName == "contact", () => new TimeoutException("slow"), times: 2);

        Assert.Throws<TimeoutException>(() => service.CreateContact("A"));
        service.CreateAccount("Not matched");
        Assert.Throws<TimeoutException>(() => service.CreateContact("B"));
        service.CreateContact("C");

        Assert.Equal(1, _dataverse.Count("contact"));
        Assert.Equal(2, _dataverse.Faults.Injected);
    }

    [Fact]
    public void A_fault_injected_into_a_nested_request_rolls_back_the_whole_transaction()
    {
        _dataverse.Plugins.RegisterStep(
            new StepRegistration("Create", "account", PipelineStage.PostOperation),
            () => new DelegatePlugin((c, s) => s.CreateContact("Child", c.PrimaryEntityId)));
        var seen = new List<RequestInfo>();
        _dataverse.Faults.FailWhen(info =>
        {
            seen.Add(info);
            return info.FromPlugin;
        });

        Assert.Throws<FaultException<OrganizationServiceFault>>(() => _dataverse.GetService().CreateAccount("Contoso"));

        Assert.Equal(0, _dataverse.Count("account"));
        Assert.Equal(0, _dataverse.Count("contact"));
        Assert.Equal(new RequestInfo("Create", "account", 1, false, seen[0].Sequence), seen[0]);
        Assert.Equal(new RequestInfo("Create", "contact", 2, true, seen[0].Sequence + 1), seen[1]);
    }

    [Fact]
    public void Clear_removes_pending_faults()
    {
        _dataverse.Faults.FailNth(1);
        _dataverse.Faults.Clear();

        _dataverse.GetService().CreateAccount("Fine");

        Assert.Equal(0, _dataverse.Faults.Injected);
    }

    [Fact]
    public void A_failed_request_inside_ExecuteMultiple_is_reported_per_item()
    {
        _dataverse.Faults.FailWhen(info => info.MessageName == "Retrieve");
        var requests = new OrganizationRequestCollection
        {
            new Microsoft.Xrm.Sdk.Messages.RetrieveRequest { Target = new EntityReference("systemuser", _dataverse.SystemUserId), ColumnSet = new ColumnSet("fullname") },
        };

        var response = (Microsoft.Xrm.Sdk.Messages.ExecuteMultipleResponse)_dataverse.GetService().Execute(new Microsoft.Xrm.Sdk.Messages.ExecuteMultipleRequest
        {
            Requests = requests,
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
        });

        Assert.Equal(-2147204783, Assert.Single(response.Responses).Fault.ErrorCode);
    }
}
