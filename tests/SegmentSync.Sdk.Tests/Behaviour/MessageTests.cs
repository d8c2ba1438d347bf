using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace SegmentSync.Sdk.Tests.Behaviour;

public class MessageTests
{
    [Fact]
    public void OrganizationRequest_Constructor_SetsNameAndEmptyParameters()
    {
        var request = new OrganizationRequest("WhoAmI");

        Assert.Equal("WhoAmI", request.RequestName);
        Assert.Empty(request.Parameters);
        Assert.Null(request.RequestId);
    }

    [Fact]
    public void OrganizationRequest_Indexer_ReadsAndWritesParameters()
    {
        var request = new OrganizationRequest("Custom") { ["Count"] = 3 };

        Assert.Equal(3, request.Parameters["Count"]);
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => request["Missing"]);
    }

    [Fact]
    public void OrganizationResponse_Indexer_ReadsResults()
    {
        var response = new OrganizationResponse { ResponseName = "Custom" };
        response.Results["id"] = 5;

        Assert.Equal(5, response["id"]);
    }

    [Fact]
    public void CreateRequest_Target_IsParameterTarget_AndNameIsCreate()
    {
        var target = new Entity("contact");

        var request = new CreateRequest { Target = target };

        Assert.Equal("Create", request.RequestName);
        Assert.Same(target, request.Parameters["Target"]);
    }

    [Fact]
    public void CreateRequest_New_HasTargetParameterSetToNull()
    {
        var request = new CreateRequest();

        Assert.True(request.Parameters.Contains("Target"));
        Assert.Null(request.Target);
    }

    [Fact]
    public void TypedRequest_ReadsParametersOfAGenericRequestCopiedIntoIt()
    {
        var target = new Entity("contact");
        var generic = new OrganizationRequest("Create") { ["Target"] = target };

        var typed = new CreateRequest { Parameters = generic.Parameters };

        Assert.Same(target, typed.Target);
    }

    [Fact]
    public void CreateResponse_Id_ReadsResultId_OrEmptyWhenMissing()
    {
        var id = Guid.NewGuid();
        var response = new CreateResponse();

        Assert.Equal(Guid.Empty, response.id);
        response.Results["id"] = id;
        Assert.Equal(id, response.id);
    }

    [Fact]
    public void UpdateAndDeleteRequests_MapTheirParameters()
    {
        var entity = new Entity("contact", Guid.NewGuid());
        var update = new UpdateRequest { Target = entity, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };
        var delete = new DeleteRequest { Target = entity.ToEntityReference() };

        Assert.Equal("Update", update.RequestName);
        Assert.Same(entity, update.Parameters["Target"]);
        Assert.Equal(ConcurrencyBehavior.IfRowVersionMatches, update.Parameters["ConcurrencyBehavior"]);
        Assert.Equal("Delete", delete.RequestName);
        Assert.Equal(entity.ToEntityReference(), delete.Parameters["Target"]);
        Assert.Equal(ConcurrencyBehavior.Default, delete.ConcurrencyBehavior);
    }

    [Fact]
    public void RetrieveRequestAndResponse_MapTheirParameters()
    {
        var request = new RetrieveRequest { Target = new EntityReference("contact", Guid.NewGuid()), ColumnSet = new ColumnSet("fullname") };
        var entity = new Entity("contact");
        var response = new RetrieveResponse();
        response.Results["Entity"] = entity;

        Assert.Equal("Retrieve", request.RequestName);
        Assert.Same(request.Target, request.Parameters["Target"]);
        Assert.Same(request.ColumnSet, request.Parameters["ColumnSet"]);
        Assert.Same(entity, response.Entity);
    }

    [Fact]
    public void RetrieveMultipleRequestAndResponse_MapTheirParameters()
    {
        var query = new QueryExpression("contact");
        var request = new RetrieveMultipleRequest { Query = query };
        var collection = new EntityCollection();
        var response = new RetrieveMultipleResponse();
        response.Results["EntityCollection"] = collection;

        Assert.Equal("RetrieveMultiple", request.RequestName);
        Assert.Same(query, request.Parameters["Query"]);
        Assert.Same(collection, response.EntityCollection);
    }

    [Fact]
    public void ExecuteMultipleRequestAndResponse_MapTheirParameters()
    {
        var requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("contact") } };
        var settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true };
        var request = new ExecuteMultipleRequest { Requests = requests, Settings = settings };
        var items = new ExecuteMultipleResponseItemCollection
        {
            new ExecuteMultipleResponseItem { RequestIndex = 0, Fault = new OrganizationServiceFault { Message = "boom" } },
        };
        var response = new ExecuteMultipleResponse();
        response.Results["Responses"] = items;
        response.Results["IsFaulted"] = true;

        Assert.Equal("ExecuteMultiple", request.RequestName);
        Assert.Same(requests, request.Parameters["Requests"]);
        Assert.Same(settings, request.Parameters["Settings"]);
        Assert.Same(items, response.Responses);
        Assert.True(response.IsFaulted);
        Assert.Equal("boom", response.Responses[0].Fault.Message);
    }

    [Fact]
    public void ExecuteMultipleResponse_New_IsNotFaulted()
    {
        Assert.False(new ExecuteMultipleResponse().IsFaulted);
    }

    [Fact]
    public void ExecuteTransactionRequestAndResponse_MapTheirParameters()
    {
        var requests = new OrganizationRequestCollection();
        var request = new ExecuteTransactionRequest { Requests = requests, ReturnResponses = true };
        var responses = new OrganizationResponseCollection();
        var response = new ExecuteTransactionResponse();
        response.Results["Responses"] = responses;

        Assert.Equal("ExecuteTransaction", request.RequestName);
        Assert.Same(requests, request.Parameters["Requests"]);
        Assert.Equal(true, request.Parameters["ReturnResponses"]);
        Assert.True(request.ReturnResponses);
        Assert.Same(responses, response.Responses);
    }

    [Fact]
    public void UpsertRequestAndResponse_MapTheirParameters()
    {
        var target = new Entity("contact", "emailaddress1", "ada@example.com");
        var request = new UpsertRequest { Target = target };
        var created = new EntityReference("contact", Guid.NewGuid());
        var response = new UpsertResponse();
        response.Results["RecordCreated"] = true;
        response.Results["Target"] = created;

        Assert.Equal("Upsert", request.RequestName);
        Assert.Same(target, request.Parameters["Target"]);
        Assert.True(response.RecordCreated);
        Assert.Same(created, response.Target);
    }

    [Fact]
    public void AssociateAndDisassociateRequests_MapTheirParameters()
    {
        var target = new EntityReference("list", Guid.NewGuid());
        var relationship = new Relationship("listcontact_association");
        var related = new EntityReferenceCollection { new EntityReference("contact", Guid.NewGuid()) };

        var associate = new AssociateRequest { Target = target, Relationship = relationship, RelatedEntities = related };
        var disassociate = new DisassociateRequest { Target = target, Relationship = relationship, RelatedEntities = related };

        Assert.Equal("Associate", associate.RequestName);
        Assert.Equal("Disassociate", disassociate.RequestName);
        foreach (var request in new OrganizationRequest[] { associate, disassociate })
        {
            Assert.Same(target, request.Parameters["Target"]);
            Assert.Same(relationship, request.Parameters["Relationship"]);
            Assert.Same(related, request.Parameters["RelatedEntities"]);
        }
    }

    [Fact]
    public void CreateMultipleRequestAndResponse_MapTheirParameters()
    {
        var targets = new EntityCollection { EntityName = "contact" };
        var request = new CreateMultipleRequest { Targets = targets };
        var ids = new[] { Guid.NewGuid() };
        var response = new CreateMultipleResponse();
        response.Results["Ids"] = ids;

        Assert.Equal("CreateMultiple", request.RequestName);
        Assert.Same(targets, request.Parameters["Targets"]);
        Assert.Same(ids, response.Ids);
    }

    [Fact]
    public void TypedRequestGetter_ParameterOfAnotherType_ThrowsInvalidCast()
    {
        var request = new CreateRequest();
        request.Parameters["Target"] = new EntityReference("contact", Guid.NewGuid());

        Assert.Throws<InvalidCastException>(() => request.Target);
    }
}
