using SegmentSync.Plugins.Domain;
using Xunit;

namespace SegmentSync.Plugins.Tests.Domain;

public class CompactIdCodecTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40000)]
    public void Encode_ThenDecode_GivesTheSameIdsInOrder(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();

        var text = CompactIdCodec.Encode(ids);

        Assert.Equal(ids, CompactIdCodec.Decode(text));
        Assert.Equal(CompactIdCodec.EncodedLength(count), text.Length);
    }

    [Fact]
    public void Encode_APlanSlice_FitsTheLargestMemoColumn()
    {
        Assert.True(CompactIdCodec.EncodedLength(SegmentSync.Plugins.Schema.Limits.PlanSliceIds) <= SegmentSync.Plugins.Schema.Limits.StagedIdsMaxLength);
        Assert.True(CompactIdCodec.EncodedLength(SegmentSync.Plugins.Schema.Limits.MaxContactIdsPerCall) <= SegmentSync.Plugins.Schema.Limits.StagedIdsMaxLength);
    }

    [Fact]
    public void Decode_TruncatedText_Throws()
    {
        var text = Convert.ToBase64String(new byte[20]);

        Assert.Throws<SegmentSyncDataException>(() => CompactIdCodec.Decode(text));
    }
}
