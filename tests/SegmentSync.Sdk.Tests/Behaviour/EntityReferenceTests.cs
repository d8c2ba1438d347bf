using System;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace SegmentSync.Sdk.Tests.Behaviour;

public class EntityReferenceTests
{
    [Fact]
    public void Constructor_LogicalNameAndId_SetsBoth()
    {
        var id = Guid.NewGuid();

        var reference = new EntityReference("contact", id) { Name = "Ada" };

        Assert.Equal("contact", reference.LogicalName);
        Assert.Equal(id, reference.Id);
        Assert.Equal("Ada", reference.Name);
        Assert.Empty(reference.KeyAttributes);
    }

    [Fact]
    public void Constructor_KeyNameAndValue_SetsKeyAttributes()
    {
        var reference = new EntityReference("contact", "emailaddress1", "ada@example.com");

        Assert.Equal(Guid.Empty, reference.Id);
        Assert.Equal("ada@example.com", reference.KeyAttributes["emailaddress1"]);
    }

    [Fact]
    public void Constructor_KeyAttributeCollection_UsesIt()
    {
        var keys = new KeyAttributeCollection { { "emailaddress1", "ada@example.com" } };

        var reference = new EntityReference("contact", keys);

        Assert.Same(keys, reference.KeyAttributes);
    }

    [Fact]
    public void Equals_SameLogicalNameAndId_IsTrueRegardlessOfName()
    {
        var id = Guid.NewGuid();
        var a = new EntityReference("contact", id) { Name = "Ada" };
        var b = new EntityReference("contact", id);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentIdOrLogicalName_IsFalse()
    {
        var id = Guid.NewGuid();

        Assert.NotEqual(new EntityReference("contact", id), new EntityReference("contact", Guid.NewGuid()));
        Assert.NotEqual(new EntityReference("contact", id), new EntityReference("lead", id));
    }
}
