using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using Xunit;

namespace SegmentSync.Plugins.Tests.Reliability;

/// <summary>How failures reach the run history: the retried call's note, kept through later status changes; the trace log.</summary>
public class RunHistoryTests
{
    private readonly ImportHarness _h = new(30);

    private string StoredMessage(Guid importId) =>
        _h.Service.Retrieve(ImportRunTable.LogicalName, importId, new ColumnSet(ImportRunTable.Message)).GetAttributeValue<string>(ImportRunTable.Message);

    [Fact]
    public void ANoteOfARetriedBatch_SurvivesTheRunBeingAppliedLater()
    {
        var client = new SegmentImportClient(_h.Service, new RetryPolicy());
        var importId = Guid.NewGuid();
        var export = ImportHarness.Export();
        var staged = 0;
        _h.Environment.Dataverse.Faults.FailWhen(info => info.MessageName == "Create" && info.EntityName == ImportBatchTable.LogicalName && ++staged == 1);

        client.Send(export, ImportHarness.Ids(_h.Contacts.Take(5)), importId, 1, 3);
        client.Send(export, ImportHarness.Ids(_h.Contacts.Skip(5).Take(5)), importId, 2, 3);
        var last = client.Send(export, ImportHarness.Ids(_h.Contacts.Skip(10).Take(5)), importId, 3, 3);

        Assert.Equal("Applied", last.Status);
        var lines = StoredMessage(importId).Split('\n');
        Assert.Equal("Applied.", lines[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ Retry: batch 1 of 3 was sent again \(attempt 2\) after error 0x80044151; the earlier attempt had changed nothing \(it was rolled back\)\.$", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void AFailedCall_IsKeptInThePluginTraceLog_WithItsError_AndNothingPersonal()
    {
        _h.Environment.Dataverse.Faults.FailWhen(info => info.MessageName == "Update" && info.EntityName == ImportRunTable.LogicalName);

        Assert.ThrowsAny<Exception>(() => _h.Import(_h.Contacts.Take(3)));

        var failed = Assert.Single(_h.Environment.Dataverse.Traces.All, t => t.Error != null);
        Assert.Contains("Import of external segment seg-1: batch 1/1", failed.Text);
        Assert.Contains("Failed after", failed.Text);
        Assert.Contains("FaultException`1 0x80044151", failed.Text);
        Assert.Contains("Everything this call wrote is rolled back", failed.Text);
        Assert.DoesNotContain("Contact ", failed.Text);
        Assert.Empty(_h.All(ImportRunTable.LogicalName));
    }

    [Fact]
    public void ATagThatIsNotARetryTag_IsIgnored()
    {
        var request = new OrganizationRequest(SegmentImportApi.ImportSegment)
        {
            [SegmentImportApi.ExternalSegmentId] = "seg-1", [SegmentImportApi.SegmentName] = "High value",
            [SegmentImportApi.ExternalSegmentUrl] = "https://contoso.com/s/1", [SegmentImportApi.ExportedOn] = ImportHarness.T0,
            [SegmentImportApi.ContactIds] = ImportHarness.Ids(_h.Contacts.Take(2)).ToArray(), ["tag"] = "nightly flow run 42",
        };

        var response = _h.Service.Execute(request);

        Assert.Equal("Applied.", StoredMessage((Guid)response[SegmentImportApi.ImportId]));
    }

    [Fact]
    public void RunMessage_KeepsTheLatestNotesWithinTheColumn_AndSaysHowManyWereOmitted()
    {
        var notes = Enumerable.Range(1, 40).Select(i => $"note {i} " + new string('x', 200)).ToList();

        var stored = RunMessage.Join("Applied.", notes)!;

        Assert.True(stored.Length <= RunMessage.MaxLength);
        Assert.Equal("Applied.", RunMessage.Headline(stored));
        var kept = RunMessage.Notes(stored);
        Assert.Matches(@"^\(\d+ earlier note\(s\) omitted\)$", kept[0]);
        Assert.StartsWith("note 40 ", kept[^1]);
        Assert.Equal("Skipped.", RunMessage.Headline(RunMessage.Join("Skipped.", RunMessage.Notes(stored))));
        Assert.Null(RunMessage.Join(null, []));
        Assert.Empty(RunMessage.Notes("Applied."));
    }
}
