using SegmentSync.Plugins.Domain;
using Xunit;

namespace SegmentSync.Plugins.Tests.Domain;

public class MemberIdListCodecTests
{
    [Fact]
    public void Serialize_WithPrefix_WritesTheJourneysFormat()
    {
        var id = new Guid("1405f4ba-1ee9-e811-a99d-000d3a35f12f");

        Assert.Equal("[\"crm1405f4ba-1ee9-e811-a99d-000d3a35f12f\"]", MemberIdListCodec.Serialize(new[] { id }, withPrefix: true));
        Assert.Equal("[]", MemberIdListCodec.Serialize(Array.Empty<Guid>(), withPrefix: true));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(7, true)]
    [InlineData(256, false)]
    public void SerializedLength_MatchesTheText(int count, bool withPrefix)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();

        Assert.Equal(MemberIdListCodec.Serialize(ids, withPrefix).Length, MemberIdListCodec.SerializedLength(count, withPrefix));
    }

    [Fact]
    public void MaxIdsWithin_TenThousandCharacters_IsTheLargestCountThatFits()
    {
        var max = MemberIdListCodec.MaxIdsWithin(10000, withPrefix: false);

        Assert.Equal(256, max);
        Assert.True(MemberIdListCodec.SerializedLength(max, false) <= 10000);
        Assert.True(MemberIdListCodec.SerializedLength(max + 1, false) > 10000);
    }

    [Fact]
    public void TryParse_RoundTripsWithAndWithoutPrefixAndWhitespace()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var spaced = "[ " + string.Join(" , ", ids.Select(i => "\"" + i + "\"")) + " ]";

        Assert.True(MemberIdListCodec.TryParse(MemberIdListCodec.Serialize(ids, true), out var a));
        Assert.True(MemberIdListCodec.TryParse(spaced, out var b));
        Assert.Equal(ids, a);
        Assert.Equal(ids, b);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[")]
    [InlineData("[\"x\"]")]
    [InlineData("{\"a\":1}")]
    [InlineData("[\"crm1405f4ba-1ee9-e811-a99d-000d3a35f12f\",]")]
    [InlineData("[\"crm1405f4ba-1ee9-e811-a99d-000d3a35f12f\"] extra")]
    [InlineData("[\"crm1405f4ba-1ee9-e811-a99d-000d3a35f12f\\\"]")]
    public void TryParse_NotAListOfIds_IsFalse(string? text)
    {
        Assert.False(MemberIdListCodec.TryParse(text, out _));
    }
}
