using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace SegmentSync.Sdk.Tests.Behaviour;

public class CollectionTests
{
    [Fact]
    public void AttributeCollection_Add_DuplicateKey_ThrowsArgumentException()
    {
        var attributes = new AttributeCollection { { "name", "a" } };

        Assert.Throws<ArgumentException>(() => attributes.Add("name", "b"));
    }

    [Fact]
    public void AttributeCollection_Indexer_MissingKey_ThrowsKeyNotFound()
    {
        var attributes = new AttributeCollection();

        Assert.Throws<KeyNotFoundException>(() => attributes["name"]);
    }

    [Fact]
    public void AttributeCollection_Keys_AreCaseSensitive()
    {
        var attributes = new AttributeCollection { { "name", "a" } };

        Assert.True(attributes.ContainsKey("name"));
        Assert.False(attributes.ContainsKey("Name"));
        Assert.False(attributes.TryGetValue("NAME", out _));
    }

    [Fact]
    public void AttributeCollection_Operations_BehaveLikeADictionary()
    {
        var attributes = new AttributeCollection();

        attributes.Add("a", 1);
        attributes.Add(new KeyValuePair<string, object>("b", 2));
        attributes.AddRange(new KeyValuePair<string, object>("c", 3), new KeyValuePair<string, object>("d", 4));
        attributes["a"] = 10;

        Assert.Equal(4, attributes.Count);
        Assert.Equal(10, attributes["a"]);
        Assert.True(attributes.Contains("b"));
        Assert.True(attributes.Contains(new KeyValuePair<string, object>("c", 3)));
        Assert.True(attributes.TryGetValue("d", out var d));
        Assert.Equal(4, d);
        Assert.Equal(new[] { "a", "b", "c", "d" }, attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(4, attributes.Values.Count);
        Assert.False(attributes.IsReadOnly);

        Assert.True(attributes.Remove("a"));
        Assert.False(attributes.Remove("a"));
        Assert.True(attributes.Remove(new KeyValuePair<string, object>("b", 2)));
        Assert.Equal(2, attributes.Count);

        var copy = new KeyValuePair<string, object>[2];
        attributes.CopyTo(copy, 0);
        Assert.Equal(new[] { "c", "d" }, copy.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(2, attributes.Count());

        attributes.Clear();
        Assert.Empty(attributes);
    }

    [Fact]
    public void AttributeCollection_DictionaryConstructor_UsesTheDictionary()
    {
        var attributes = new AttributeCollection(new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { ["Name"] = "a" });

        Assert.True(attributes.Contains("name"));
    }

    [Fact]
    public void ParameterCollection_TryGetValueOfT_ChecksTheType()
    {
        var parameters = new ParameterCollection { { "Target", new Entity("contact") }, { "Count", 3 } };

        Assert.True(parameters.TryGetValue<Entity>("Target", out var target));
        Assert.Equal("contact", target.LogicalName);
        Assert.False(parameters.TryGetValue<EntityReference>("Target", out var reference));
        Assert.Null(reference);
        Assert.False(parameters.TryGetValue<string>("Missing", out _));
        Assert.True(parameters.TryGetValue<int>("Count", out var count));
        Assert.Equal(3, count);
    }

    [Fact]
    public void ParameterCollection_AddOrUpdateIfNotNull_IgnoresNull()
    {
        var parameters = new ParameterCollection();

        parameters.AddOrUpdateIfNotNull("a", null);
        parameters.AddOrUpdateIfNotNull("b", 1);
        parameters.AddOrUpdateIfNotNull("b", 2);

        Assert.False(parameters.Contains("a"));
        Assert.Equal(2, parameters["b"]);
    }

    [Fact]
    public void EntityImageCollection_StoresImagesByAlias()
    {
        var images = new EntityImageCollection { { "PreImage", new Entity("contact") } };

        Assert.Equal("contact", images["PreImage"].LogicalName);
    }

    [Fact]
    public void RelatedEntityCollection_IsKeyedByRelationshipValue()
    {
        var entity = new Entity("list");
        entity.RelatedEntities[new Relationship("listcontact_association")] = new EntityCollection();

        Assert.True(entity.RelatedEntities.Contains(new Relationship("listcontact_association")));
    }

    [Fact]
    public void EntityCollection_ListConstructor_CopiesEntities()
    {
        var list = new List<Entity> { new Entity("contact"), new Entity("contact") };

        var collection = new EntityCollection(list) { EntityName = "contact", MoreRecords = true, PagingCookie = "<cookie/>", TotalRecordCount = 7, TotalRecordCountLimitExceeded = true };
        list.Add(new Entity("contact"));

        Assert.Equal(2, collection.Entities.Count);
        Assert.Same(list[1], collection[1]);
        Assert.Equal("contact", collection.EntityName);
        Assert.True(collection.MoreRecords);
        Assert.Equal("<cookie/>", collection.PagingCookie);
        Assert.Equal(7, collection.TotalRecordCount);
        Assert.True(collection.TotalRecordCountLimitExceeded);
    }

    [Fact]
    public void EntityCollection_Indexer_ReplacesEntity()
    {
        var collection = new EntityCollection(new List<Entity> { new Entity("contact") });
        var replacement = new Entity("lead");

        collection[0] = replacement;

        Assert.Same(replacement, collection.Entities[0]);
    }

    [Fact]
    public void EntityCollection_New_HasNoMoreRecordsAndEmptyEntities()
    {
        var collection = new EntityCollection();

        Assert.Empty(collection.Entities);
        Assert.False(collection.MoreRecords);
        Assert.Null(collection.PagingCookie);
    }

    [Fact]
    public void DataCollection_AddRangeAndToArray_KeepOrder()
    {
        var references = new EntityReferenceCollection();
        var a = new EntityReference("contact", Guid.NewGuid());
        var b = new EntityReference("contact", Guid.NewGuid());
        var c = new EntityReference("contact", Guid.NewGuid());

        references.AddRange(a, b);
        references.AddRange(new List<EntityReference> { c });

        Assert.Equal(new[] { a, b, c }, references.ToArray());
    }

    [Fact]
    public void EntityReferenceCollection_ListConstructor_CopiesItems()
    {
        var references = new EntityReferenceCollection(new[] { new EntityReference("contact", Guid.NewGuid()) });

        references.Add(new EntityReference("contact", Guid.NewGuid()));

        Assert.Equal(2, references.Count);
    }

    [Fact]
    public void RequestAndResponseCollections_HoldTheirItems()
    {
        var requests = new OrganizationRequestCollection { new OrganizationRequest("WhoAmI") };
        var responses = new OrganizationResponseCollection { new OrganizationResponse() };
        var items = new ExecuteMultipleResponseItemCollection { new ExecuteMultipleResponseItem { RequestIndex = 3 } };

        Assert.Equal("WhoAmI", requests[0].RequestName);
        Assert.Single(responses);
        Assert.Equal(3, items[0].RequestIndex);
    }
}
