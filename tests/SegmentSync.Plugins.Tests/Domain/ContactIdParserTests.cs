using SegmentSync.Plugins.Domain;
using Xunit;

namespace SegmentSync.Plugins.Tests.Domain;

public class ContactIdParserTests
{
    private static readonly Guid Id = new("1405f4ba-1ee9-e811-a99d-000d3a35f12f");

    [Theory]
    [InlineData("1405f4ba-1ee9-e811-a99d-000d3a35f12f")]
    [InlineData("1405F4BA-1EE9-E811-A99D-000D3A35F12F")]
    [InlineData("1405f4ba1ee9e811a99d000d3a35f12f")]
    [InlineData("{1405f4ba-1ee9-e811-a99d-000d3a35f12f}")]
    [InlineData("(1405f4ba-1ee9-e811-a99d-000d3a35f12f)")]
    [InlineData("{0x1405f4ba,0x1ee9,0xe811,{0xa9,0x9d,0x00,0x0d,0x3a,0x35,0xf1,0x2f}}")]
    [InlineData("crm1405f4ba-1ee9-e811-a99d-000d3a35f12f")]
    [InlineData("CRM1405f4ba-1ee9-e811-a99d-000d3a35f12f")]
    [InlineData("  1405f4ba-1ee9-e811-a99d-000d3a35f12f ")]
    public void TryParse_AnyStandardFormatOrCrmPrefix_GivesTheSameId(string text)
    {
        Assert.True(ContactIdParser.TryParse(text, out var id));
        Assert.Equal(Id, id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("crm")]
    [InlineData("crmcrm1405f4ba-1ee9-e811-a99d-000d3a35f12f")]
    [InlineData("crm 1405f4ba-1ee9-e811-a99d-000d3a35f12f")]
    [InlineData("1405f4ba-1ee9-e811-a99d-000d3a35f12")]
    [InlineData("1405f4ba-1ee9-e811-a99d-000d3a35f12f0")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("xrm1405f4ba-1ee9-e811-a99d-000d3a35f12f")]
    [InlineData("1405f4ba-1ee9-e811-a99d-000d3a35f12f,1405f4ba-1ee9-e811-a99d-000d3a35f12f")]
    [InlineData("'; DROP TABLE contact; --")]
    public void TryParse_AnythingButOneGuid_IsRejected(string? text)
    {
        Assert.False(ContactIdParser.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Duplicates_CollapseAndAreCounted()
    {
        var set = ContactIdParser.Parse(new[] { Id.ToString(), "crm" + Id, Id.ToString("N"), Guid.NewGuid().ToString() }, "ContactIds");

        Assert.Equal(2, set.Count);
        Assert.Equal(2, set.Duplicates);
        Assert.Contains(Id, set.Ids);
    }

    [Fact]
    public void Parse_InvalidIds_RejectsTheWholeListNamingPositionsAndValues()
    {
        var values = new[] { Id.ToString(), "not-a-guid", Guid.NewGuid().ToString(), "" };

        var error = Assert.Throws<ImportValidationException>(() => ContactIdParser.Parse(values, "ContactIds"));

        Assert.Contains("ContactIds", error.Message);
        Assert.Contains("2 value(s)", error.Message);
        Assert.Contains("position 2: \"not-a-guid\"", error.Message);
        Assert.Contains("position 4: (empty)", error.Message);
    }

    [Fact]
    public void Parse_ManyInvalidIds_ShowsTheFirstFiveAndSaysThereAreMore()
    {
        var values = Enumerable.Range(0, 8).Select(i => "bad" + i).ToArray();

        var error = Assert.Throws<ImportValidationException>(() => ContactIdParser.Parse(values, "ContactIds"));

        Assert.Contains("position 5: \"bad4\"", error.Message);
        Assert.DoesNotContain("bad5", error.Message);
        Assert.Contains("; ...", error.Message);
    }

    [Fact]
    public void Parse_ControlCharacters_AreEscapedInTheMessage()
    {
        var error = Assert.Throws<ImportValidationException>(() => ContactIdParser.Parse(new[] { "a\r\nb" }, "ContactIds"));

        Assert.Contains("\\u000d\\u000a", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }
}
