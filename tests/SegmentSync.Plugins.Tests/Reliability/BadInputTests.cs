using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using Xunit;
using Xunit.Abstractions;
using Api = SegmentSync.Plugins.Schema.SegmentImportApi;

namespace SegmentSync.Plugins.Tests.Reliability;

/// <summary>
/// An environment with history: an applied import, an applied multi-batch import and one still receiving, whose
/// ImportIds the bad requests reuse.
/// </summary>
public sealed class BadInputFixture
{
    public BadInputFixture()
    {
        H = new ImportHarness(20);
        H.Import(H.Contacts.Take(5));
        Applied = Guid.NewGuid();
        var export = ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1));
        H.Client.Send(export, ImportHarness.Ids(H.Contacts.Take(3)), Applied, 1, 2);
        H.Client.Send(export, ImportHarness.Ids(H.Contacts.Skip(3).Take(3)), Applied, 2, 2);
        Receiving = Guid.NewGuid();
        H.Client.Send(ImportHarness.Export("seg-3"), ImportHarness.Ids(H.Contacts.Take(2)), Receiving, 1, 3);
    }

    public ImportHarness H { get; }
    public Guid Applied { get; }
    public Guid Receiving { get; }
}

/// <summary>
/// Malformed requests through the Custom APIs: each is refused with an error that names the problem, and the
/// database (every row of every table SegmentSync or Journeys keeps, and every segment's members) is unchanged.
/// </summary>
[Trait("Category", Figures.Category)]
public sealed class BadInputTests(BadInputFixture fixture, ITestOutputHelper output) : IClassFixture<BadInputFixture>
{
    private static readonly string Guid1 = "1405f4ba-1ee9-e811-a99d-000d3a35f12f";

    /// <summary>A case: its name, the text the error must contain, and the request (built against the fixture).</summary>
    private sealed record Case(string Name, string Expected, Func<BadInputFixture, OrganizationRequest> Build);

    private static OrganizationRequest Import(BadInputFixture f, Action<OrganizationRequest>? change = null)
    {
        var request = new OrganizationRequest(Api.ImportSegment)
        {
            [Api.ExternalSegmentId] = "seg-1",
            [Api.SegmentName] = "High value",
            [Api.ExternalSegmentUrl] = "https://contoso.crm.dynamics.com/segments/seg-1",
            [Api.ExportedOn] = ImportHarness.T0.AddHours(2),
            [Api.ContactIds] = ImportHarness.Ids(f.H.Contacts.Skip(10).Take(3)).ToArray(),
        };
        change?.Invoke(request);
        return request;
    }

    private static Case With(string name, string expected, string parameter, object? value) =>
        new(name, expected, f => Import(f, r => r[parameter] = value));

    private static Case Without(string parameter) =>
        new("missing " + parameter, "Required parameter '" + parameter + "'", f => Import(f, r => r.Parameters.Remove(parameter)));

    private static Case Ids(string name, string expected, params string?[] ids) =>
        new(name, expected, f => Import(f, r => r[Api.ContactIds] = ImportHarness.Ids(f.H.Contacts.Take(2)).Concat(ids).ToArray()));

    private static Case Batch(string name, string expected, Guid? importId, int? number, int? count) => new(name, expected, f => Import(f, r =>
    {
        if (importId.HasValue) r[Api.ImportId] = importId.Value;
        if (number.HasValue) r[Api.BatchNumber] = number.Value;
        if (count.HasValue) r[Api.BatchCount] = count.Value;
    }));

    private static Case Continue(string name, string expected, Func<BadInputFixture, object?> importId) =>
        new(name, expected, f => new OrganizationRequest(Api.ContinueSegmentImport) { [Api.ImportId] = importId(f) });

    private static readonly Case[] Cases =
    [
        // Missing, empty and blank parameters.
        Without(Api.ExternalSegmentId),
        Without(Api.SegmentName),
        Without(Api.ExternalSegmentUrl),
        Without(Api.ExportedOn),
        Without(Api.ContactIds),
        With("empty ExternalSegmentId", "ExternalSegmentId is required and must not be blank", Api.ExternalSegmentId, ""),
        With("blank ExternalSegmentId", "ExternalSegmentId is required and must not be blank", Api.ExternalSegmentId, "   "),
        With("empty SegmentName", "SegmentName is required and must not be blank", Api.SegmentName, ""),
        With("no-break-space SegmentName", "SegmentName is required and must not be blank", Api.SegmentName, "\u00a0\u00a0"),
        With("empty ExternalSegmentUrl", "ExternalSegmentUrl is required and must not be blank", Api.ExternalSegmentUrl, ""),
        With("default ExportedOn", "ExportedOn is required", Api.ExportedOn, default(DateTime)),
        Continue("Continue without ImportId", "Required parameter 'ImportId'", _ => null),
        Continue("Continue with the empty GUID", "ImportId is required", _ => Guid.Empty),

        // Oversized values.
        With("ExternalSegmentId of 101 characters", "ExternalSegmentId is 101 characters long; at most 100", Api.ExternalSegmentId, new string('x', 101)),
        With("SegmentName of 101 characters", "SegmentName is 101 characters long; at most 100", Api.SegmentName, new string('n', 101)),
        With("SegmentName of a million characters", "SegmentName is 1000000 characters long", Api.SegmentName, new string('n', 1_000_000)),
        With("ExternalSegmentUrl of 2001 characters", "ExternalSegmentUrl is 2001 characters long; at most 2000", Api.ExternalSegmentUrl, "https://contoso.com/" + new string('u', 1981)),
        new("10,001 ids", "ContactIds has 10001 ids; at most 10000", f => Import(f, r => r[Api.ContactIds] = Enumerable.Range(0, 10_001).Select(_ => Guid.NewGuid().ToString()).ToArray())),
        new("200,000 ids", "ContactIds has 200000 ids; at most 10000", f => Import(f, r => r[Api.ContactIds] = Enumerable.Range(0, 200_000).Select(i => Guid1).ToArray())),
        Ids("an id of a million characters", "position 3: \"" + new string('9', 60) + "...\"", new string('9', 1_000_000)),

        // Ids that are not GUIDs.
        Ids("a word", "position 3: \"not-a-guid\"", "not-a-guid"),
        Ids("an empty id", "position 3: (empty)", ""),
        Ids("a null id", "position 3: (null)", [null]),
        Ids("a GUID one digit short", "position 3", Guid1[..^1]),
        Ids("a GUID one digit long", "position 3", Guid1 + "0"),
        Ids("the empty GUID", "position 3: \"00000000-0000-0000-0000-000000000000\"", Guid.Empty.ToString()),
        Ids("an unbalanced brace", "position 3", "{" + Guid1),
        Ids("two GUIDs in one", "position 3", Guid1 + "," + Guid1),
        Ids("a non-hex digit", "position 3", Guid1[..^1] + "g"),
        Ids("an inner space", "position 3", Guid1.Insert(8, " ")),
        Ids("Arabic-Indic digits", "position 3", "\u0661\u0664\u0660\u0665" + Guid1[4..]),
        Ids("SQL in an id", "position 3: \"'; DROP TABLE contact; --\"", "'; DROP TABLE contact; --"),
        Ids("a control character in an id", "position 3: \"a\\u000d\\u000ab\"", "a\r\nb"),
        Ids("six bad ids", "6 value(s) that are not contact ids", "a", "b", "c", "d", "e", "f"),

        // "crm" prefix abuse.
        Ids("crm alone", "position 3: \"crm\"", "crm"),
        Ids("crm twice", "position 3: \"crmcrm", "crmcrm" + Guid1),
        Ids("crm and a space", "position 3: \"crm 1405", "crm " + Guid1),
        Ids("crm and a dash", "position 3: \"crm-1405", "crm-" + Guid1),
        Ids("crm as a suffix", "position 3", Guid1 + "crm"),
        Ids("another prefix", "position 3: \"xcrm", "xcrm" + Guid1),
        Ids("crm and a tab", "position 3: \"crm\\u0009", "crm\t" + Guid1),

        // Wrong types, as a Web API caller might send them.
        With("ContactIds as one string", "must be of type StringArray", Api.ContactIds, Guid1 + "," + Guid1),
        With("ContactIds as GUIDs", "must be of type StringArray", Api.ContactIds, new[] { Guid.Parse(Guid1) }),
        With("ExportedOn as text", "must be of type DateTime", Api.ExportedOn, "2026-12-04T06:00:00Z"),
        With("ExternalSegmentId as a number", "must be of type String", Api.ExternalSegmentId, 42),
        Batch("ImportId as text", "must be of type Guid", null, 1, 2) with { Build = f => Import(f, r => { r[Api.ImportId] = Guid1; r[Api.BatchNumber] = 1; r[Api.BatchCount] = 2; }) },
        Batch("BatchNumber as text", "must be of type Integer", null, null, null) with { Build = f => Import(f, r => { r[Api.ImportId] = Guid.NewGuid(); r[Api.BatchNumber] = "1"; r[Api.BatchCount] = 2; }) },
        Batch("BatchCount as a long", "must be of type Integer", null, null, null) with { Build = f => Import(f, r => { r[Api.ImportId] = Guid.NewGuid(); r[Api.BatchNumber] = 1; r[Api.BatchCount] = 2L; }) },
        Continue("Continue with ImportId as text", "must be of type Guid", f => f.Receiving.ToString()),
        With("an undeclared parameter", "The parameter 'Members' is not declared", "Members", "x"),

        // URLs that are not http(s), or not safe to show.
        With("an ftp URL", "absolute http or https URL", Api.ExternalSegmentUrl, "ftp://contoso.com/segments/1"),
        With("a javascript URL", "absolute http or https URL", Api.ExternalSegmentUrl, "javascript:alert(1)"),
        With("a file URL", "absolute http or https URL", Api.ExternalSegmentUrl, "file:///etc/passwd"),
        With("a data URL", "absolute http or https URL", Api.ExternalSegmentUrl, "data:text/html,hello"),
        With("a relative URL", "absolute http or https URL", Api.ExternalSegmentUrl, "/segments/1"),
        With("a URL without scheme", "absolute http or https URL", Api.ExternalSegmentUrl, "contoso.com/segments/1"),
        With("a URL without host", "absolute http or https URL", Api.ExternalSegmentUrl, "https://"),
        With("a URL with credentials", "must not contain a user name or password", Api.ExternalSegmentUrl, "https://admin:hunter2@contoso.com/x"),
        With("a URL with a space", "contains \" \" at position 22", Api.ExternalSegmentUrl, "https://contoso.com/a b"),
        With("a URL with markup", "contains markup", Api.ExternalSegmentUrl, "https://contoso.com/<script>alert(1)</script>"),
        With("a URL breaking out of an attribute", "contains \"\"\"", Api.ExternalSegmentUrl, "https://contoso.com/\"onmouseover=\"alert(1)"),

        // Control characters and injection attempts in names.
        With("a line break in the name", "SegmentName contains a control character (U+000A)", Api.SegmentName, "Line\nbreak"),
        With("a tab in the name", "SegmentName contains a control character (U+0009)", Api.SegmentName, "tab\tname"),
        With("NUL in the name", "SegmentName contains a control character (U+0000)", Api.SegmentName, "nul\0"),
        With("DEL in the name", "SegmentName contains a control character (U+007F)", Api.SegmentName, "del\u007f"),
        With("a line break in the external id", "ExternalSegmentId contains a control character (U+000D)", Api.ExternalSegmentId, "seg\r\n1"),
        With("a right-to-left override", "invisible formatting character (U+202E)", Api.SegmentName, "invoice\u202Etxt.exe"),
        With("a zero-width space", "invisible formatting character (U+200B)", Api.SegmentName, "High\u200Bvalue"),
        With("a lone surrogate", "broken character (U+D83D)", Api.SegmentName, "party " + (char)0xD83D),
        With("a script tag", "SegmentName contains markup", Api.SegmentName, "<script>alert(1)</script>"),
        With("an image tag", "SegmentName contains markup", Api.SegmentName, "x<img src=x onerror=alert(1)>"),
        With("markup in the external id", "ExternalSegmentId contains markup", Api.ExternalSegmentId, "<b>seg-1</b>"),
        With("a spreadsheet formula", "must not start with \"=\"", Api.SegmentName, "=HYPERLINK(\"https://evil.example\",\"x\")"),
        With("a spreadsheet at-formula", "must not start with \"@\"", Api.SegmentName, "@SUM(1+1)"),
        With("a leading space", "must not start or end with spaces", Api.SegmentName, " High value"),
        With("a trailing space", "must not start or end with spaces", Api.SegmentName, "High value "),

        // Batch numbers.
        Batch("BatchNumber 0", "BatchNumber is 0; it must be between 1 and 2", Guid.NewGuid(), 0, 2),
        Batch("BatchNumber -1", "BatchNumber is -1", Guid.NewGuid(), -1, 2),
        Batch("BatchNumber above BatchCount", "BatchNumber is 3; it must be between 1 and 2", Guid.NewGuid(), 3, 2),
        Batch("BatchCount 0", "BatchCount is 0; it must be between 1 and 1000", Guid.NewGuid(), 1, 0),
        Batch("BatchCount 1001", "BatchCount is 1001", Guid.NewGuid(), 1, 1001),
        Batch("BatchCount int.MaxValue", "BatchCount is 2147483647", Guid.NewGuid(), 1, int.MaxValue),
        Batch("batches without ImportId", "need an ImportId", null, 2, 3),
        Batch("ImportId without batch numbers", "needs both BatchNumber and BatchCount", Guid.NewGuid(), null, null),
        Batch("the empty GUID as ImportId", "must not be the empty GUID", Guid.Empty, 1, 1),

        // ImportId reused.
        new("an applied ImportId for another segment", "belongs to the import of segment \"seg-1\"",
            f => Import(f, r => { r[Api.ExternalSegmentId] = "seg-2"; r[Api.ImportId] = f.Applied; r[Api.BatchNumber] = 1; r[Api.BatchCount] = 2; })),
        new("an applied ImportId with another BatchCount", "BatchCount changed within import",
            f => Import(f, r => { r[Api.ImportId] = f.Applied; r[Api.BatchNumber] = 1; r[Api.BatchCount] = 3; r[Api.ExportedOn] = ImportHarness.T0.AddHours(1); })),
        new("an applied ImportId with another ExportedOn", "ExportedOn changed within import",
            f => Import(f, r => { r[Api.ImportId] = f.Applied; r[Api.BatchNumber] = 1; r[Api.BatchCount] = 2; })),
        new("a received batch again with other ids", "was already received with 2 distinct ids; this call has 3",
            f => Import(f, r => { r[Api.ExternalSegmentId] = "seg-3"; r[Api.ExportedOn] = ImportHarness.T0; r[Api.ImportId] = f.Receiving; r[Api.BatchNumber] = 1; r[Api.BatchCount] = 3; })),
        Continue("Continue on an unknown ImportId", "There is no import with ImportId", _ => Guid.NewGuid()),

        // ExportedOn.
        With("ExportedOn two days ahead", "later than the server's clock", Api.ExportedOn, DateTime.UtcNow.AddDays(2)),
        // Computed when the request is built, not when the cases are listed: the suite may run minutes later.
        new("ExportedOn 61 minutes ahead", "later than the server's clock", f => Import(f, r => r[Api.ExportedOn] = DateTime.UtcNow.AddMinutes(61))),
        With("ExportedOn in 1900", "before 2000-01-01T00:00:00Z", Api.ExportedOn, new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        With("ExportedOn far in the future", "later than the server's clock", Api.ExportedOn, DateTime.MaxValue),
    ];

    public static IEnumerable<object[]> CaseNames => Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MalformedRequest_IsRefusedNamingTheProblem_AndTheDatabaseIsUnchanged(string name)
    {
        var bad = Cases.Single(c => c.Name == name);
        var before = fixture.H.Fingerprint();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => fixture.H.Service.Execute(bad.Build(fixture)));

        Assert.Contains(bad.Expected, error.Detail.Message);
        Assert.True(error.Detail.Message.Length < 1000, "the message stays readable: " + error.Detail.Message.Length + " characters");
        Assert.DoesNotContain("Unexpected exception", error.Detail.Message);
        Assert.Equal(before, fixture.H.Fingerprint());
    }

    [Fact]
    public void ThereAreAtLeastFiftyDistinctCases()
    {
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct().Count());
        Assert.True(Cases.Length >= 50, Cases.Length + " cases");
        Figures.Report(output, "bad-inputs", Cases.Length, "distinct malformed requests, each refused with the database unchanged");
    }

    [Fact]
    public void BoundaryValuesJustInside_AreAccepted_AndStoredVerbatim()
    {
        var h = new ImportHarness(5);
        var name = new string('n', 99) + "é";
        var externalId = new string('x', 100);
        var url = "https://contoso.com/" + new string('u', 1980);

        var result = h.Client.Send(new SegmentExport(externalId, name, url, DateTime.UtcNow.AddMinutes(59)), ImportHarness.Ids(h.Contacts.Take(2)).Append("CRM" + h.Contacts[2]).ToList());

        Assert.Equal("Applied", result.Status);
        Assert.Equal(name, h.View(result.SegmentId).Name);
        Assert.Equal(url, h.View(result.SegmentId).Url);
        Assert.Equal(3, h.MembersOf(result.SegmentId).Count);
    }
}
