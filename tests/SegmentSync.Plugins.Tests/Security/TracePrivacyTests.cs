using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using Xunit;

namespace SegmentSync.Plugins.Tests.Security;

public sealed class TracePrivacyTests_Outbound() : TracePrivacyTests(SegmentTargetOption.Outbound);

public sealed class TracePrivacyTests_RealTime() : TracePrivacyTests(SegmentTargetOption.RealTime);

/// <summary>
/// Whatever happens — imports, refreshes of Live segments, refusals that quote what the caller sent, guard blocks and
/// warnings, failed and retried calls — the plug-in traces (the plug-in trace log) and the run history hold ids and
/// counts, never a contact's name or e-mail address, not even one a caller put in the wrong parameter.
/// </summary>
public abstract class TracePrivacyTests(SegmentTargetOption target)
{
    private static readonly (string First, string Last)[] People = [("Ada", "Lovelace"), ("Grace", "Hopper"), ("Katherine", "Johnson"), ("Alan", "Turing")];

    [Fact]
    public void TracesAndRunHistory_HoldIdsAndCounts_NeverNamesOrEmailAddresses()
    {
        var h = new ImportHarness(10, target);
        var people = People.Select(p => (Id: Guid.NewGuid(), p.First, p.Last, Email: $"{p.First}.{p.Last}@example.com".ToLowerInvariant())).ToList();
        h.Environment.Dataverse.Seed(ContactTable.LogicalName, people.Select(p => new Entity(ContactTable.LogicalName, p.Id)
        {
            ["fullname"] = p.First + " " + p.Last, ["firstname"] = p.First, ["lastname"] = p.Last, ["emailaddress1"] = p.Email,
        }));
        var ids = people.Select(p => p.Id).Concat(h.Contacts).ToList();
        var client = new SegmentImportClient(h.Service, new RetryPolicy());

        // Imports: whole, in batches, a Live refresh with a failed and retried call.
        var first = h.Import(ids.Take(8)).Final;
        h.GoLive(first.SegmentId);
        h.Environment.Dataverse.Faults.FailWhen(info => info.FromPlugin && info.MessageName == "RetrieveMultiple" && info.EntityName == ContactTable.LogicalName);
        client.Import(ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1)), ImportHarness.Ids(ids.Skip(2).Take(9)), batchSize: 3);

        // Refusals that quote the caller's values: an e-mail address as a contact id, a URL carrying one.
        var person = people[0];
        Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            client.Send(ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(2)), [ids[0].ToString(), person.Email, person.First + " " + person.Last]));
        Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            client.Send(ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(2)) with { ExternalSegmentUrl = "mailto:" + person.Email }, [ids[0].ToString()]));

        // A maker's blocked change, then a warned one.
        Assert.Throws<FaultException<OrganizationServiceFault>>(() => h.EditByHand(first.SegmentId, add: true, people[3].Id));
        h.AllowManualEdits();
        h.EditByHand(first.SegmentId, add: true, people[3].Id);

        var traces = h.Environment.Dataverse.Traces.All.Select(t => t.Text).ToList();
        var history = h.All(ImportRunTable.LogicalName).Select(r => r.GetAttributeValue<string>(ImportRunTable.Message) ?? string.Empty).ToList();
        Assert.Contains(traces, t => t.Contains("Refused: ContactIds has 2 value(s) that are not contact ids, at position(s) 2, 3 (values not traced)."));
        Assert.Contains(traces, t => t.Contains("Warning (segsync_GuardMode = Warn)"));
        Assert.Contains(history, m => m.Contains(" Retry: "));
        foreach (var text in traces.Concat(history))
        {
            foreach (var p in people)
            {
                Assert.DoesNotContain(p.Email, text, StringComparison.OrdinalIgnoreCase);
                // Whole words: "Ada" may well be part of "metadata".
                Assert.DoesNotMatch(@"(?i)\b(" + p.First + "|" + p.Last + @")\b", text);
            }

            Assert.DoesNotContain("@example.com", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
