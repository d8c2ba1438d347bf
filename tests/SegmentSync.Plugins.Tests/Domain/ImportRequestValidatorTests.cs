using SegmentSync.Plugins.Domain;
using Xunit;

namespace SegmentSync.Plugins.Tests.Domain;

public class ImportRequestValidatorTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);

    private static ImportRequestInput Valid() => new()
    {
        ExternalSegmentId = "seg-1",
        SegmentName = "High value customers",
        ExternalSegmentUrl = "https://contoso.crm.dynamics.com/segments/seg-1",
        ExportedOn = Now.AddMinutes(-5),
        ContactIds = new[] { Guid.NewGuid().ToString() },
    };

    private static string Refusal(Action<ImportRequestInput> change)
    {
        var input = Valid();
        change(input);
        return Assert.Throws<ImportValidationException>(() => ImportRequestValidator.Validate(input, Now)).Message;
    }

    [Fact]
    public void Validate_ASingleCall_IsBatchOneOfOneWithoutImportId()
    {
        var request = ImportRequestValidator.Validate(Valid(), Now);

        Assert.Null(request.ImportId);
        Assert.Equal(1, request.BatchNumber);
        Assert.Equal(1, request.BatchCount);
        Assert.Equal(DateTimeKind.Utc, request.ExportedOnUtc.Kind);
    }

    [Theory]
    [InlineData("ExternalSegmentId", null)]
    [InlineData("ExternalSegmentId", "")]
    [InlineData("ExternalSegmentId", "   ")]
    [InlineData("SegmentName", null)]
    [InlineData("SegmentName", "")]
    [InlineData("ExternalSegmentUrl", null)]
    public void Validate_MissingOrBlankText_NamesTheParameter(string parameter, string? value)
    {
        var message = Refusal(i => typeof(ImportRequestInput).GetProperty(parameter)!.SetValue(i, value));

        Assert.Contains(parameter, message);
        Assert.Contains("required", message);
    }

    [Fact]
    public void Validate_NameOfOneHundredCharacters_IsAccepted_OneHundredAndOne_IsNot()
    {
        var input = Valid();
        input.SegmentName = new string('a', 100);
        Assert.Equal(100, ImportRequestValidator.Validate(input, Now).SegmentName.Length);

        var message = Refusal(i => i.SegmentName = new string('a', 101));
        Assert.Contains("SegmentName is 101 characters long; at most 100", message);
    }

    [Theory]
    [InlineData("Name\twith tab")]
    [InlineData("Line\nbreak")]
    [InlineData("nul\0")]
    public void Validate_ControlCharactersInName_AreRefused(string name)
    {
        Assert.Contains("control character", Refusal(i => i.SegmentName = name));
    }

    [Theory]
    [InlineData("ftp://contoso.com/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("contoso.com")]
    [InlineData("file:///etc/passwd")]
    public void Validate_UrlThatIsNotAbsoluteHttp_IsRefused(string url)
    {
        Assert.Contains("absolute http or https URL", Refusal(i => i.ExternalSegmentUrl = url));
    }

    [Fact]
    public void Validate_ExportedOnFarInTheFuture_IsRefused()
    {
        Assert.Contains("later than the server's clock", Refusal(i => i.ExportedOn = Now.AddDays(2)));
    }

    [Fact]
    public void Validate_ExportedOn_IsKeptToTheSecondAsDataverseStoresIt()
    {
        var input = Valid();
        input.ExportedOn = new DateTime(2026, 12, 1, 8, 0, 0, 999, DateTimeKind.Utc).AddTicks(1234);

        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), ImportRequestValidator.Validate(input, Now).ExportedOnUtc);
    }

    [Fact]
    public void Validate_MissingExportedOn_IsRefused() => Assert.Contains("ExportedOn is required", Refusal(i => i.ExportedOn = null));

    [Fact]
    public void Validate_MoreThanTenThousandIds_TellsTheCallerToSendBatches()
    {
        var message = Refusal(i => i.ContactIds = Enumerable.Range(0, 10001).Select(_ => Guid.NewGuid().ToString()).ToArray());

        Assert.Contains("10001 ids; at most 10000", message);
        Assert.Contains("batches", message);
    }

    [Fact]
    public void Validate_EmptyIdList_IsAValidEmptyMembership()
    {
        var input = Valid();
        input.ContactIds = Array.Empty<string>();

        Assert.Equal(0, ImportRequestValidator.Validate(input, Now).ContactIds.Count);
    }

    [Fact]
    public void Validate_MissingIdList_IsRefused() => Assert.Contains("ContactIds is required", Refusal(i => i.ContactIds = null));

    [Theory]
    [InlineData(0, 3, "BatchNumber is 0")]
    [InlineData(4, 3, "BatchNumber is 4")]
    [InlineData(1, 0, "BatchCount is 0")]
    [InlineData(1, 1001, "BatchCount is 1001")]
    public void Validate_BatchNumbersOutOfRange_AreRefused(int number, int count, string expected)
    {
        Assert.Contains(expected, Refusal(i => { i.ImportId = Guid.NewGuid(); i.BatchNumber = number; i.BatchCount = count; }));
    }

    [Fact]
    public void Validate_BatchesWithoutImportId_AreRefused() =>
        Assert.Contains("need an ImportId", Refusal(i => { i.BatchNumber = 1; i.BatchCount = 2; }));

    [Fact]
    public void Validate_ImportIdWithoutBatchNumbers_IsRefused() =>
        Assert.Contains("needs both BatchNumber and BatchCount", Refusal(i => i.ImportId = Guid.NewGuid()));

    [Fact]
    public void Validate_EmptyImportId_IsRefused() =>
        Assert.Contains("empty GUID", Refusal(i => { i.ImportId = Guid.Empty; i.BatchNumber = 1; i.BatchCount = 1; }));

    // Hardening: what the names and URLs of an export must not carry.
    [Theory]
    [InlineData("evil\u202Etxt.exe", "invisible formatting character (U+202E)")]
    [InlineData("zero\u200Bwidth", "invisible formatting character (U+200B)")]
    [InlineData("\uFEFFbom", "invisible formatting character (U+FEFF)")]
    [InlineData("line\u2028separator", "control character (U+2028)")]
    [InlineData("<script>alert(1)</script>", "contains markup (\"<s\" at position 1)")]
    [InlineData("VIPs </b>", "contains markup (\"</\" at position 6)")]
    [InlineData("x<!-- comment -->", "contains markup")]
    [InlineData("=HYPERLINK(\"https://evil.example\")", "must not start with \"=\"")]
    [InlineData("@SUM(A1)", "must not start with \"@\"")]
    public void Validate_NamesThatDisplayAsSomethingElseOrCarryMarkup_AreRefused(string name, string expected)
    {
        var message = Refusal(i => i.SegmentName = name);

        Assert.Contains("SegmentName", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void Validate_ALoneSurrogate_IsRefusedAsBrokenText()
    {
        Assert.Contains("broken character (U+D800) at position 8", Refusal(i => i.SegmentName = "broken " + (char)0xD800 + " surrogate"));
        Assert.Contains("broken character (U+DC00) at position 1", Refusal(i => i.SegmentName = (char)0xDC00 + "x"));
    }

    [Theory]
    [InlineData("Age < 30 and spend > 100")]
    [InlineData("Customers<30")]
    [InlineData("'; DROP TABLE contact; --")]
    [InlineData("Clients fidèles 🎉 – Zürich")]
    [InlineData("a+b-c")]
    public void Validate_OrdinaryNames_AreAcceptedVerbatim(string name)
    {
        var input = Valid();
        input.SegmentName = name;

        Assert.Equal(name, ImportRequestValidator.Validate(input, Now).SegmentName);
    }

    [Theory]
    [InlineData("https://user:secret@contoso.com/segments/1", "must not contain a user name or password")]
    [InlineData("https://contoso.com/a b", "contains \" \" at position 22")]
    [InlineData("https://contoso.com/<script>", "markup")]
    [InlineData("https://contoso.com/x\"onmouseover=\"alert(1)", "contains \"\"\"")]
    [InlineData("https://", "absolute http or https URL")]
    [InlineData("data:text/html,hello", "absolute http or https URL")]
    public void Validate_UnsafeUrls_AreRefused(string url, string expected)
    {
        var message = Refusal(i => i.ExternalSegmentUrl = url);

        Assert.Contains("ExternalSegmentUrl", message);
        Assert.Contains(expected, message);
        Assert.DoesNotContain("secret", message);
    }

    [Fact]
    public void Validate_ExportedOnBeforeTheYear2000_IsRefusedAsAClockError()
    {
        Assert.Contains("before 2000-01-01T00:00:00Z", Refusal(i => i.ExportedOn = new DateTime(1999, 12, 31, 23, 0, 0, DateTimeKind.Utc)));
    }
}
