using SegmentSync.Plugins.Domain;
using Xunit;

namespace SegmentSync.Plugins.Tests.Domain;

public class SlicedIdListTests
{
    private static (SlicedIdList List, List<Guid> All, int[] Decodes) Build(params int[] sliceSizes)
    {
        var decodes = new int[sliceSizes.Length];
        var all = new List<Guid>();
        var slices = new List<KeyValuePair<int, Func<List<Guid>>>>();
        for (var i = 0; i < sliceSizes.Length; i++)
        {
            var ids = Enumerable.Range(0, sliceSizes[i]).Select(_ => Guid.NewGuid()).ToList();
            all.AddRange(ids);
            var text = CompactIdCodec.Encode(ids);
            var slice = i;
            slices.Add(new(CompactIdCodec.CountOf(text), () =>
            {
                decodes[slice]++;
                return CompactIdCodec.Decode(text);
            }));
        }

        return (new SlicedIdList(slices), all, decodes);
    }

    [Fact]
    public void ReadsEveryIdInOrder_ByIndexAndByEnumeration()
    {
        var (list, all, _) = Build(3, 1, 0, 5);

        Assert.Equal(9, list.Count);
        Assert.Equal(all, Enumerable.Range(0, list.Count).Select(i => list[i]));
        Assert.Equal(all, list);
    }

    [Fact]
    public void DecodesOnlyTheSlicesItsReadsTouch_EachOnce()
    {
        var (list, all, decodes) = Build(4, 4, 4, 4);

        var read = new[] { list[5], list[6], list[7], list[8] };

        Assert.Equal(all.Skip(5).Take(4), read);
        Assert.Equal(new[] { 0, 1, 1, 0 }, decodes);
        Assert.Equal(2, list.DecodedSlices);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void AnIndexOutsideTheList_Throws(int index)
    {
        var (list, _, _) = Build(4, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => list[index]);
    }

    [Fact]
    public void ASliceThatHoldsOtherThanItsDeclaredCount_IsReportedAsCorrupt()
    {
        var text = CompactIdCodec.Encode([Guid.NewGuid(), Guid.NewGuid()]);
        var list = new SlicedIdList([new(3, () => CompactIdCodec.Decode(text))]);

        var error = Assert.Throws<SegmentSyncDataException>(() => list[0]);
        Assert.Contains("declared 3 ids and holds 2", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(40000)]
    public void CountOf_GivesTheNumberOfEncodedIds_WithoutDecoding(int count)
    {
        var text = CompactIdCodec.Encode(Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList());

        Assert.Equal(count, CompactIdCodec.CountOf(text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("AAAA")]
    public void CountOf_RefusesTextThatIsNotWholeIds(string text) =>
        Assert.Throws<SegmentSyncDataException>(() => CompactIdCodec.CountOf(text));
}
