using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Emulator;
using SegmentSync.Plugins.Schema;
using Xunit;
using Xunit.Abstractions;
using Api = SegmentSync.Plugins.Schema.SegmentImportApi;

namespace SegmentSync.Plugins.Tests.Reliability;

public sealed class TimeoutTests_Outbound(ITestOutputHelper output) : TimeoutTests(SegmentTargetOption.Outbound, output);

public sealed class TimeoutTests_RealTime(ITestOutputHelper output) : TimeoutTests(SegmentTargetOption.RealTime, output);

/// <summary>
/// The two timeouts a caller cannot tell apart, for each call of an import in turn: the call failed and its writes
/// were rolled back, or it succeeded and its response was lost. The caller sends the call again; either way the final
/// state is the same as without a failure, and the run history records the retry and which of the two it was.
/// </summary>
[Trait("Category", Figures.Category)]
public abstract class TimeoutTests(SegmentTargetOption target, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ImportShape.SingleCall, false)]
    [InlineData(ImportShape.SingleCall, true)]
    [InlineData(ImportShape.MultiBatch, false)]
    [InlineData(ImportShape.MultiBatch, true)]
    [InlineData(ImportShape.MultiCall, true)]
    public void EachCall_RolledBackOrWithItsResponseLost_ThenRetried_EndsInTheSameState(ImportShape shape, bool live)
    {
        var baseline = new FaultScenario(target, shape, live);
        var observed = baseline.ObserveEveryRequest();
        baseline.Verify(baseline.Run(), "without faults");
        var calls = FaultScenario.CallsIn(observed);
        var callNames = observed.Where(r => !r.FromPlugin && r.MessageName is Api.ImportSegment or Api.ContinueSegmentImport).Select(r => r.MessageName).ToList();

        var timeouts = 0;
        for (var call = 1; call <= calls; call++)
        {
            // The call fails on the server (a SQL timeout inside it): everything it wrote is rolled back.
            var rolledBack = new FaultScenario(target, shape, live);
            var seen = 0;
            rolledBack.H.Environment.Dataverse.Faults.FailWhen(info => !info.FromPlugin && info.MessageName is Api.ImportSegment or Api.ContinueSegmentImport && ++seen == call);
            var label = $"{target} {shape} {(live ? "Live" : "Draft")}, call {call} of {calls}";
            var result = rolledBack.Run();
            rolledBack.Verify(result, label + " rolled back");
            var batchCall = shape != ImportShape.SingleCall && callNames[call - 1] == Api.ImportSegment;
            AssertOneRetryNote(rolledBack, result.Final.ImportId, label + " rolled back", "after error 0x80044151", batchCall ? "it was rolled back" : null);

            // The call succeeds, but its response never reaches the caller.
            var lost = new FaultScenario(target, shape, live);
            var service = new LosingService(lost.H.Service, call);
            result = lost.Run(service);
            Assert.True(service.Lost, label + ": no response was lost");
            // A single-call import sent again is a new run that finds nothing left to change; the first run has the counts.
            lost.Verify(result, label + " response lost", countsExact: shape != ImportShape.SingleCall);
            var batchRetried = shape != ImportShape.SingleCall && service.LostRequest == Api.ImportSegment;
            AssertOneRetryNote(lost, result.Final.ImportId, label + " response lost", "after no response (a timeout)", batchRetried ? "its response was lost" : null);
            Assert.Single(lost.H.All(ImportRunTable.LogicalName), r => r.GetAttributeValue<OptionSetValue>(ImportRunTable.Status).Value == (int)ImportRunStatusOption.Applied
                && r.GetAttributeValue<int>(ImportRunTable.MembersAdded) == lost.Wanted.Count(id => !lost.Old.Contains(id)));
            timeouts += 2;
        }

        Figures.Report(output, "timeouts-retried", timeouts, $"{target} {shape} {(live ? "Live" : "Draft")}: each of {calls} calls rolled back, then with its response lost; same final state");
    }

    private static void AssertOneRetryNote(FaultScenario scenario, Guid importId, string label, string error, string? earlier)
    {
        var note = Assert.Single(scenario.RunNotes(importId));
        Assert.Contains(" Retry: ", note);
        Assert.True(note.Contains(error), $"{label}: {note}");
        if (earlier != null)
        {
            Assert.True(note.Contains(earlier), $"{label}: {note}");
        }
    }

    /// <summary>Runs every request; the <c>n</c>-th Custom API call's response is replaced by a timeout, after the work was done.</summary>
    private sealed class LosingService(IOrganizationService inner, int n) : IOrganizationService
    {
        private int _calls;

        public bool Lost { get; private set; }

        public string? LostRequest { get; private set; }

        public OrganizationResponse Execute(OrganizationRequest request)
        {
            var response = inner.Execute(request);
            if (request.RequestName is Api.ImportSegment or Api.ContinueSegmentImport && ++_calls == n)
            {
                Lost = true;
                LostRequest = request.RequestName;
                throw new TimeoutException("The request channel timed out while waiting for a reply.");
            }

            return response;
        }

        public Guid Create(Entity entity) => inner.Create(entity);
        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => inner.Retrieve(entityName, id, columnSet);
        public void Update(Entity entity) => inner.Update(entity);
        public void Delete(string entityName, Guid id) => inner.Delete(entityName, id);
        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => inner.Associate(entityName, entityId, relationship, relatedEntities);
        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => inner.Disassociate(entityName, entityId, relationship, relatedEntities);
        public EntityCollection RetrieveMultiple(QueryBase query) => inner.RetrieveMultiple(query);
    }
}
