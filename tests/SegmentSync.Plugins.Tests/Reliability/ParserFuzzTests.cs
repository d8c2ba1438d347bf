using SegmentSync.Tests.Shared;
using System.Diagnostics;
using CsCheck;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Targets;
using Xunit;
using Xunit.Abstractions;

namespace SegmentSync.Plugins.Tests.Reliability;

/// <summary>
/// Fuzzing (CsCheck, many random and mutated inputs) of everything the plug-in parses: contact ids, member-id lists,
/// staged ids and the JSON real-time journeys returns or stores. No input may crash (only the documented, clear
/// exception), hang (each input is timed; the whole run has a deadline) or parse to something it is not.
/// </summary>
[Trait("Category", Figures.Category)]
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private const string GuidAlphabet = "0123456789abcdefABCDEF-{}(),xX crmCRM\t\r\n\0\u00a0\u0661\u200b\"\\[]:";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SlowestAllowed = TimeSpan.FromSeconds(2);

    private static readonly Gen<string> RandomText = Gen.OneOf(
        Gen.Char[GuidAlphabet].Array[0, 60].Select(c => new string(c)),
        Gen.Char.Array[0, 80].Select(c => new string(c)),
        Gen.String);

    /// <summary>A GUID in one of .NET's formats, any case, with or without the "crm" prefix and surrounding spaces.</summary>
    private static readonly Gen<(Guid Id, string Text)> ValidId =
        Gen.Select(Gen.Guid.Where(g => g != Guid.Empty), Gen.OneOfConst("D", "N", "B", "P", "X"), Gen.Bool, Gen.OneOfConst("", "crm", "CRM", "Crm"), Gen.OneOfConst("", " ", "  "))
            .Select((id, format, upper, prefix, pad) =>
            {
                var text = id.ToString(format);
                return (id, pad + prefix + (upper ? text.ToUpperInvariant() : text) + pad);
            });

    /// <summary>A valid id with one to three random edits: inserted, deleted or replaced characters.</summary>
    private static readonly Gen<string> MutatedId = Gen.Select(ValidId, Gen.Int[1, 3].SelectMany(n => Gen.Select(Gen.Int[0, 2], Gen.Int, Gen.Char[GuidAlphabet]).Array[n]))
        .Select((valid, edits) =>
        {
            var text = valid.Text;
            foreach (var (kind, position, c) in edits)
            {
                var at = text.Length == 0 ? 0 : (int)((uint)position % (uint)text.Length);
                text = kind switch
                {
                    0 => text.Insert(at, c.ToString()),
                    1 when text.Length > 0 => text.Remove(at, 1),
                    _ when text.Length > 0 => text.Remove(at, 1).Insert(at, c.ToString()),
                    _ => c.ToString(),
                };
            }

            return text;
        });

    /// <summary>Runs the sample with a deadline and the slowest single input timed; returns the iterations run.</summary>
    private long Fuzz<T>(string name, Gen<T> gen, Action<T> check, long iterations)
    {
        var (count, slowest) = FuzzRunner.Run(name, gen, check, iterations, Deadline, SlowestAllowed);
        Figures.Report(output, "fuzz-iterations", count, $"{name}: slowest input {slowest.TotalMilliseconds:0.###} ms");
        return count;
    }

    [Fact]
    public void ContactIdParser_TryParse_AcceptsEveryFormatOfEveryId_AndNeverThrowsOrInventsAnId()
    {
        Fuzz("contact id (valid forms)", ValidId, valid =>
        {
            Assert.True(ContactIdParser.TryParse(valid.Text, out var id), valid.Text);
            Assert.Equal(valid.Id, id);
        }, 50_000);

        Fuzz("contact id (mutated and random)", Gen.OneOf(MutatedId, RandomText), text =>
        {
            if (!ContactIdParser.TryParse(text, out var id))
            {
                return;
            }

            // Whatever it accepts is one GUID, written with an optional "crm" prefix, and never the empty GUID.
            Assert.NotEqual(Guid.Empty, id);
            var stripped = text.Trim();
            if (stripped.StartsWith("crm", StringComparison.OrdinalIgnoreCase))
            {
                stripped = stripped[3..];
            }

            Assert.True(Guid.TryParse(stripped, out var reference) && reference == id, text);
        }, 200_000);
    }

    [Fact]
    public void ContactIdParser_Parse_OnlyEverRefusesWithAShortOneLineMessage()
    {
        var lists = Gen.OneOf(MutatedId, RandomText, ValidId.Select(v => v.Text), Gen.Const((string)null!)).Array[0, 30];
        Fuzz("contact id list", lists, values =>
        {
            try
            {
                var set = ContactIdParser.Parse(values, "ContactIds");
                Assert.Equal(values.Length, set.Count + set.Duplicates);
            }
            catch (ImportValidationException e)
            {
                Assert.StartsWith("ContactIds has ", e.Message);
                Assert.DoesNotContain('\n', e.Message);
                Assert.DoesNotContain('\r', e.Message);
                Assert.True(e.Message.Length < 700, e.Message.Length.ToString());
            }
        }, 30_000);
    }

    [Fact]
    public void MemberIdList_TryParse_NeverThrows_AndRoundTripsWhatItWrites()
    {
        var listText = Gen.OneOf(
            Gen.Char["[]\",crmCRM0123456789abcdef- \t{}\\:nul"].Array[0, 120].Select(c => new string(c)),
            Gen.Select(ValidId.Array[0, 5], Gen.Bool).Select((ids, prefix) => MemberIdListCodec.Serialize(ids.Select(i => i.Id), prefix)).SelectMany(t => Gen.Int[0, Math.Max(0, t.Length - 1)].Select(cut => t[..cut])),
            RandomText);
        Fuzz("member-id list (random)", listText, text =>
        {
            if (MemberIdListCodec.TryParse(text, out var ids))
            {
                Assert.DoesNotContain(Guid.Empty, ids);
            }
        }, 50_000);

        Fuzz("member-id list (round trip)", Gen.Select(Gen.Guid.Where(g => g != Guid.Empty).Array[0, 50], Gen.Bool), value =>
        {
            var (ids, prefix) = value;
            Assert.True(MemberIdListCodec.TryParse(MemberIdListCodec.Serialize(ids, prefix), out var parsed));
            Assert.Equal(ids, parsed);
            Assert.Equal(MemberIdListCodec.SerializedLength(ids.Length, prefix), MemberIdListCodec.Serialize(ids, prefix).Length);
        }, 10_000);
    }

    [Fact]
    public void StagedIds_Decode_FailsOnlyWithAClearDataError_AndRoundTrips()
    {
        var text = Gen.OneOf(
            Gen.Char["ABCDEFabcdef0123456789+/= \n"].Array[0, 100].Select(c => new string(c)),
            Gen.Byte.Array[0, 100].Select(Convert.ToBase64String),
            RandomText);
        Fuzz("staged ids", text, value =>
        {
            try
            {
                var ids = CompactIdCodec.Decode(value);
                Assert.Equal(Convert.FromBase64String(value).Length / 16, ids.Count);
            }
            catch (SegmentSyncDataException e)
            {
                Assert.StartsWith("Staged ids are corrupt", e.Message);
            }
        }, 50_000);

        Fuzz("staged ids (round trip)", Gen.Guid.Array[0, 200], ids => Assert.Equal(ids, CompactIdCodec.Decode(CompactIdCodec.Encode(ids))), 5_000);
    }

    private static readonly Gen<string> JsonLike = Gen.OneOf(
        Gen.Char["{}[]\":,entityIdsgroupIdincludeTypenameInclude0123456789abcdef- truefalsenull\\u"].Array[0, 150].Select(c => new string(c)),
        Gen.Select(Gen.Guid.Array[0, 4], Gen.OneOfConst("entityIds", "EntityIds", "groupId", "x"), Gen.OneOfConst("\"", "", "[", "{"))
            .Select((ids, key, breaker) => "{\"" + key + "\":[" + string.Join(",", ids.Select(i => "\"" + i + "\"")) + "]" + breaker + "}"),
        Gen.Select(Gen.Guid, Gen.OneOfConst("Include", "Exclude", "", "1"), Gen.OneOfConst("", "]", "}", ",", "null"))
            .Select((id, type, tail) => "[{\"groupId\":\"" + id + "\",\"includeType\":\"" + type + "\",\"name\":\"n\"}" + tail + "]"),
        RandomText);

    /// <summary>Inputs the fuzzer found that made the JSON reader throw something else than a data error.</summary>
    [Theory]
    [InlineData("[]\t]}4c5a(84,(E eEC} b-B-X-d")]
    [InlineData("[] ]}")]
    public void RealTimeJson_WithAnUnbalancedClosingBracket_FailsWithAClearDataError(string json)
    {
        var members = Assert.Throws<SegmentSyncDataException>(() => GroupMembersResponse.ParseIds(json));
        var groups = Assert.Throws<SegmentSyncDataException>(() => StaticListGroups.Parse(json));

        Assert.StartsWith("msdynmkt_ListGroupMembers returned a Response that is not", members.Message);
        Assert.StartsWith("The segment definition's msdynmkt_staticlistmembers is not", groups.Message);
    }

    [Fact]
    public void RealTimeJson_ListGroupMembersAndGroupDeclarations_FailOnlyWithAClearDataError()
    {
        Fuzz("ListGroupMembers response", JsonLike, json =>
        {
            try
            {
                Assert.DoesNotContain(Guid.Empty, GroupMembersResponse.ParseIds(json));
            }
            catch (SegmentSyncDataException e)
            {
                Assert.StartsWith("msdynmkt_ListGroupMembers returned a Response that is not", e.Message);
            }
        }, 20_000);

        Fuzz("static member group declarations", JsonLike, json =>
        {
            try
            {
                var groups = StaticListGroups.Parse(json);
                Assert.DoesNotContain(null, groups);
                StaticListGroups.Ours(Guid.NewGuid(), groups);
            }
            catch (SegmentSyncDataException e)
            {
                Assert.StartsWith("The segment definition's msdynmkt_staticlistmembers is not", e.Message);
            }
        }, 20_000);
    }
}
