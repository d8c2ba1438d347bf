using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Xunit;

namespace SegmentSync.Sdk.Tests.Behaviour;

public class EntityTests
{
    [Fact]
    public void Indexer_MissingAttribute_ThrowsKeyNotFound()
    {
        var entity = new Entity("contact");

        Assert.Throws<KeyNotFoundException>(() => entity["firstname"]);
    }

    [Fact]
    public void Indexer_Set_AddsThenReplaces()
    {
        var entity = new Entity("contact");

        entity["firstname"] = "Ada";
        entity["firstname"] = "Grace";

        Assert.Equal("Grace", entity["firstname"]);
        Assert.Single(entity.Attributes);
    }

    [Fact]
    public void GetAttributeValue_MissingAttribute_ReturnsDefault()
    {
        var entity = new Entity("contact");

        Assert.Null(entity.GetAttributeValue<string>("firstname"));
        Assert.Equal(0, entity.GetAttributeValue<int>("numberofchildren"));
        Assert.Null(entity.GetAttributeValue<int?>("numberofchildren"));
        Assert.Equal(Guid.Empty, entity.GetAttributeValue<Guid>("contactid"));
    }

    [Fact]
    public void GetAttributeValue_NullValue_ReturnsDefault()
    {
        var entity = new Entity("contact") { ["numberofchildren"] = null };

        Assert.Equal(0, entity.GetAttributeValue<int>("numberofchildren"));
    }

    [Fact]
    public void GetAttributeValue_PresentValue_ReturnsIt()
    {
        var owner = new EntityReference("systemuser", Guid.NewGuid());
        var entity = new Entity("contact") { ["ownerid"] = owner, ["numberofchildren"] = 2 };

        Assert.Same(owner, entity.GetAttributeValue<EntityReference>("ownerid"));
        Assert.Equal(2, entity.GetAttributeValue<int?>("numberofchildren"));
    }

    [Fact]
    public void GetAttributeValue_OtherType_ThrowsInvalidCastInsteadOfConverting()
    {
        var entity = new Entity("contact") { ["numberofchildren"] = 2 };

        Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<string>("numberofchildren"));
        Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<long>("numberofchildren"));
    }

    [Fact]
    public void TryGetAttributeValue_PresentOfType_ReturnsTrueAndValue()
    {
        var entity = new Entity("contact") { ["firstname"] = "Ada" };

        Assert.True(entity.TryGetAttributeValue<string>("firstname", out var value));
        Assert.Equal("Ada", value);
    }

    [Fact]
    public void TryGetAttributeValue_Missing_ReturnsFalse()
    {
        var entity = new Entity("contact");

        Assert.False(entity.TryGetAttributeValue<string>("firstname", out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Contains_ReflectsAttributes_CaseSensitively()
    {
        var entity = new Entity("contact") { ["firstname"] = null };

        Assert.True(entity.Contains("firstname"));
        Assert.False(entity.Contains("FirstName"));
        Assert.False(entity.Contains("lastname"));
    }

    [Fact]
    public void Constructor_LogicalNameAndId_SetsBoth()
    {
        var id = Guid.NewGuid();

        var entity = new Entity("contact", id);

        Assert.Equal("contact", entity.LogicalName);
        Assert.Equal(id, entity.Id);
        Assert.Empty(entity.Attributes);
        Assert.Empty(entity.KeyAttributes);
        Assert.Empty(entity.FormattedValues);
        Assert.Empty(entity.RelatedEntities);
        Assert.Null(entity.EntityState);
    }

    [Fact]
    public void Constructor_KeyNameAndValue_SetsKeyAttributesOnly()
    {
        var entity = new Entity("msdyncrm_segment", "msdyncrm_segmentname", "VIPs");

        Assert.Equal(Guid.Empty, entity.Id);
        Assert.Equal("VIPs", entity.KeyAttributes["msdyncrm_segmentname"]);
        Assert.Empty(entity.Attributes);
    }

    [Fact]
    public void Constructor_KeyAttributeCollection_UsesIt()
    {
        var keys = new KeyAttributeCollection { { "emailaddress1", "ada@example.com" } };

        var entity = new Entity("contact", keys);

        Assert.Same(keys, entity.KeyAttributes);
    }

    [Fact]
    public void ToEntityReference_WithId_CarriesLogicalNameAndId()
    {
        var entity = new Entity("contact", Guid.NewGuid());

        var reference = entity.ToEntityReference();

        Assert.Equal("contact", reference.LogicalName);
        Assert.Equal(entity.Id, reference.Id);
    }

    [Fact]
    public void ToEntityReference_WithKeyAttributes_CarriesThem()
    {
        var entity = new Entity("contact", "emailaddress1", "ada@example.com");

        var reference = entity.ToEntityReference();

        Assert.Equal("ada@example.com", reference.KeyAttributes["emailaddress1"]);
    }

    [Fact]
    public void ToEntityReference_WithoutLogicalName_ThrowsNotSupported()
    {
        var entity = new Entity { Id = Guid.NewGuid() };

        Assert.Throws<NotSupportedException>(() => entity.ToEntityReference());
    }

    [Fact]
    public void ToEntityReference_WithoutIdOrKeys_ThrowsNotSupported()
    {
        var entity = new Entity("contact");

        Assert.Throws<NotSupportedException>(() => entity.ToEntityReference());
    }

    [Fact]
    public void ToEntity_EarlyBoundType_SharesAttributes()
    {
        var entity = new Entity("contact", Guid.NewGuid()) { ["firstname"] = "Ada" };

        var contact = entity.ToEntity<Contact>();

        Assert.Equal(entity.Id, contact.Id);
        Assert.Equal("Ada", contact.FirstName);
    }

    [Fact]
    public void ToEntity_OtherLogicalName_ThrowsNotSupported()
    {
        var entity = new Entity("account", Guid.NewGuid());

        Assert.Throws<NotSupportedException>(() => entity.ToEntity<Contact>());
    }

    [Fact]
    public void SetAttributeValue_FromEarlyBoundClass_WritesAttribute()
    {
        var contact = new Contact { FirstName = "Ada" };

        Assert.Equal("Ada", contact["firstname"]);
    }

    [EntityLogicalName("contact")]
    private sealed class Contact : Entity
    {
        public Contact()
            : base("contact")
        {
        }

        public string FirstName
        {
            get => GetAttributeValue<string>("firstname");
            set => SetAttributeValue("firstname", value);
        }
    }
}
