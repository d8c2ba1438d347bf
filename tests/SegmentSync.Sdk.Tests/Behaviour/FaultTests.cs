using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace SegmentSync.Sdk.Tests.Behaviour;

public class FaultTests
{
    [Fact]
    public void InvalidPluginExecutionException_Message_DefaultsToFailedStatus()
    {
        var exception = new InvalidPluginExecutionException("Segment name is required.");

        Assert.Equal("Segment name is required.", exception.Message);
        Assert.Equal(OperationStatus.Failed, exception.Status);
        Assert.Equal(PluginHttpStatusCode.NotSet, exception.HttpStatus);
    }

    [Fact]
    public void InvalidPluginExecutionException_Inner_IsKept()
    {
        var inner = new InvalidOperationException("inner");

        var exception = new InvalidPluginExecutionException("outer", inner);

        Assert.Same(inner, exception.InnerException);
        Assert.Equal(OperationStatus.Failed, exception.Status);
    }

    [Fact]
    public void InvalidPluginExecutionException_StatusAndCode_AreKept()
    {
        var exception = new InvalidPluginExecutionException(OperationStatus.Retry, 42, "try again", PluginHttpStatusCode.TooManyRequests);

        Assert.Equal(OperationStatus.Retry, exception.Status);
        Assert.Equal(42, exception.ErrorCode);
        Assert.Equal("try again", exception.Message);
        Assert.Equal(PluginHttpStatusCode.TooManyRequests, exception.HttpStatus);
        Assert.Equal(OperationStatus.Canceled, new InvalidPluginExecutionException(OperationStatus.Canceled, "stop").Status);
        Assert.Equal(PluginHttpStatusCode.Conflict, new InvalidPluginExecutionException("dup", PluginHttpStatusCode.Conflict).HttpStatus);
    }

    [Fact]
    public void OrganizationServiceFault_New_HasEmptyErrorDetailsAndTimestamp()
    {
        var fault = new OrganizationServiceFault();

        Assert.NotNull(fault.ErrorDetails);
        Assert.Empty(fault.ErrorDetails);
        Assert.NotEqual(default, fault.Timestamp);
        Assert.Null(fault.InnerFault);
    }

    [Fact]
    public void OrganizationServiceFault_IsABaseServiceFault_WithItsProperties()
    {
        var inner = new OrganizationServiceFault { ErrorCode = 1 };
        BaseServiceFault fault = new OrganizationServiceFault
        {
            ErrorCode = unchecked((int)0x80040217),
            Message = "contact With Id = 1 Does Not Exist",
            TraceText = "trace",
            InnerFault = inner,
            HelpLink = "https://example.invalid/help",
        };
        fault.ErrorDetails["key"] = "value";

        var organizationFault = Assert.IsType<OrganizationServiceFault>(fault);
        Assert.Equal("trace", organizationFault.TraceText);
        Assert.Same(inner, organizationFault.InnerFault);
        Assert.Equal("value", fault.ErrorDetails["key"]);
        Assert.Contains("contact With Id = 1 Does Not Exist", fault.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExecuteTransactionFault_IsAnOrganizationServiceFault_WithIndex()
    {
        OrganizationServiceFault fault = new ExecuteTransactionFault { FaultedRequestIndex = 2 };

        Assert.Equal(2, Assert.IsType<ExecuteTransactionFault>(fault).FaultedRequestIndex);
    }

    [Fact]
    public void FaultException_OfOrganizationServiceFault_CanBeThrownAndCaught()
    {
        var fault = new OrganizationServiceFault { ErrorCode = -2147220969, Message = "Not found" };

        void Fail() => throw new FaultException<OrganizationServiceFault>(fault, new FaultReason(fault.Message));

        var caught = Assert.Throws<FaultException<OrganizationServiceFault>>(Fail);

        Assert.Same(fault, caught.Detail);
        Assert.Equal("Not found", caught.Message);
    }
}
