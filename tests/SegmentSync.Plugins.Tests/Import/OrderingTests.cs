using SegmentSync.Plugins.Schema;
using Xunit;

namespace SegmentSync.Plugins.Tests.Import;

public sealed class OrderingTests_Outbound() : OrderingTests(SegmentTargetOption.Outbound);

public sealed class OrderingTests_RealTime() : OrderingTests(SegmentTargetOption.RealTime);

public abstract class OrderingTests(SegmentTargetOption target)
{
    private readonly ImportHarness _h = new(contactCount: 30, target: target);

    [Fact]
    public void ExportOlderThanTheLastApplied_IsSkippedAndChangesNoSegment()
    {
        var newer = _h.Import(_h.Contacts.Take(5), exportedOn: ImportHarness.T0.AddHours(2)).Final;
        var members = _h.MembersOf(newer.SegmentId);

        var older = _h.Import(_h.Contacts.Skip(5).Take(5), exportedOn: ImportHarness.T0.AddHours(1)).Final;

        Assert.Equal("Skipped", older.Status);
        Assert.True(members.SetEquals(_h.MembersOf(newer.SegmentId)));
        var run = _h.Service.Retrieve(ImportRunTable.LogicalName, older.ImportId, new Microsoft.Xrm.Sdk.Query.ColumnSet(ImportRunTable.Message));
        Assert.Contains("already applied", run.GetAttributeValue<string>(ImportRunTable.Message));
    }

    [Fact]
    public void OlderImportCompletingAfterANewerOneApplied_IsSkipped()
    {
        var export = ImportHarness.Export(exportedOn: ImportHarness.T0.AddHours(1));
        var olderId = Guid.NewGuid();
        _h.Client.Send(export, ImportHarness.Ids(_h.Contacts.Take(3)), olderId, 1, 2);

        var newer = _h.Import(_h.Contacts.Skip(10).Take(3), exportedOn: ImportHarness.T0.AddHours(2)).Final;
        var olderLast = _h.Client.Send(export, ImportHarness.Ids(_h.Contacts.Skip(3).Take(3)), olderId, 2, 2);

        Assert.Equal("Skipped", olderLast.Status);
        Assert.True(_h.MembersOf(newer.SegmentId).SetEquals(_h.Contacts.Skip(10).Take(3)));
    }

    [Fact]
    public void InterleavedImports_TheNewestWinsInEveryOrder()
    {
        // Two two-batch imports of one segment; every interleaving of their four calls.
        var older = (Id: Guid.NewGuid(), On: ImportHarness.T0.AddHours(1), Members: _h.Contacts.Take(6).ToList());
        var newer = (Id: Guid.NewGuid(), On: ImportHarness.T0.AddHours(2), Members: _h.Contacts.Skip(4).Take(6).ToList());
        foreach (var order in Interleavings())
        {
            var h = new ImportHarness(0, target);
            h.Environment.Dataverse.Seed(ContactTable.LogicalName, _h.Contacts.Select(id => new Microsoft.Xrm.Sdk.Entity(ContactTable.LogicalName, id)));
            var sent = new Dictionary<bool, int> { [false] = 0, [true] = 0 };
            Guid segmentId = default;
            foreach (var isNewer in order)
            {
                var import = isNewer ? newer : older;
                var batch = ++sent[isNewer];
                var ids = ImportHarness.Ids(import.Members.Skip((batch - 1) * 3).Take(3));
                var result = h.Client.Send(ImportHarness.Export(exportedOn: import.On), ids, import.Id, batch, 2);
                segmentId = result.SegmentId == Guid.Empty ? segmentId : result.SegmentId;
            }

            Assert.True(h.MembersOf(segmentId).SetEquals(newer.Members), "order " + string.Join(",", order.Select(n => n ? "N" : "O")));
        }
    }

    private static IEnumerable<bool[]> Interleavings()
    {
        // All sequences of two 'older' (false) and two 'newer' (true) calls.
        for (var mask = 0; mask < 16; mask++)
        {
            var order = Enumerable.Range(0, 4).Select(bit => (mask >> bit & 1) == 1).ToArray();
            if (order.Count(x => x) == 2)
            {
                yield return order;
            }
        }
    }
}
