using System;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace SegmentSync.Sdk.Tests.Behaviour;

public class ValueTests
{
    [Fact]
    public void OptionSetValue_SameValue_AreEqualWithEqualHashCodes()
    {
        Assert.Equal(new OptionSetValue(192350000), new OptionSetValue(192350000));
        Assert.Equal(new OptionSetValue(1).GetHashCode(), new OptionSetValue(1).GetHashCode());
    }

    [Fact]
    public void OptionSetValue_DifferentValueOrType_AreNotEqual()
    {
        Assert.NotEqual(new OptionSetValue(1), new OptionSetValue(2));
        Assert.False(new OptionSetValue(1).Equals(1));
        Assert.False(new OptionSetValue(1).Equals(null));
    }

    [Fact]
    public void Money_SameValue_AreEqual()
    {
        Assert.Equal(new Money(12.50m), new Money(12.5m));
        Assert.NotEqual(new Money(1m), new Money(2m));
        Assert.Equal(12.5m, new Money(12.5m).Value);
    }

    [Fact]
    public void AliasedValue_Constructor_ExposesItsParts()
    {
        var aliased = new AliasedValue("contact", "fullname", "Ada Lovelace");

        Assert.Equal("contact", aliased.EntityLogicalName);
        Assert.Equal("fullname", aliased.AttributeLogicalName);
        Assert.Equal("Ada Lovelace", aliased.Value);
    }

    [Fact]
    public void Relationship_SameSchemaNameAndRole_AreEqual()
    {
        var a = new Relationship("listcontact_association") { PrimaryEntityRole = EntityRole.Referencing };
        var b = new Relationship("listcontact_association") { PrimaryEntityRole = EntityRole.Referencing };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new Relationship("listcontact_association"));
        Assert.NotEqual(new Relationship("a"), new Relationship("b"));
    }

    [Fact]
    public void Relationship_ToString_ContainsSchemaName()
    {
        Assert.Contains("listcontact_association", new Relationship("listcontact_association").ToString(), StringComparison.Ordinal);
    }
}
