using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.LocalEnvironment.Client;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Tests.Import;
using Xunit;
using Xunit.Abstractions;

namespace SegmentSync.Plugins.Tests.Reliability;

/// <summary>One import as the list of calls its caller makes: its batches, then some continuation calls.</summary>
public sealed class ScriptedImport
{
    private readonly ImportHarness _h;
    private readonly SegmentExport _export;
    private readonly List<List<string>> _batches;

    public ScriptedImport(ImportHarness h, string externalId, DateTime exportedOn, IReadOnlyCollection<Guid> members, int batchSize, int continues)
    {
        _h = h;
        Members = members.ToHashSet();
        _export = ImportHarness.Export(externalId, exportedOn);
        _batches = members.Chunk(batchSize).Select(c => ImportHarness.Ids(c)).ToList();
        Calls = _batches.Count + continues;
    }

    public Guid ImportId { get; } = Guid.NewGuid();
    public HashSet<Guid> Members { get; }
    public int Calls { get; }
    public int Made { get; private set; }
    public ImportCallResult? Last { get; private set; }

    /// <summary>The caller's next call: the next batch, or a continuation.</summary>
    public ImportCallResult Next()
    {
        var client = new SegmentImportClient(_h.Service);
        Last = Made < _batches.Count
            ? client.Send(_export, _batches[Made], ImportId, Made + 1, _batches.Count)
            : client.Continue(ImportId);
        Made++;
        return Last;
    }

    /// <summary>Continues while the import is Applying, as a caller does at the end.</summary>
    public ImportCallResult Finish()
    {
        while (Last!.IsApplying)
        {
            Last = new SegmentImportClient(_h.Service).Continue(ImportId);
        }

        return Last;
    }

    /// <summary>The run's status in the run history (Superseded is only reported to callers as Skipped).</summary>
    public ImportRunStatusOption RunStatus() =>
        (ImportRunStatusOption)_h.Service.Retrieve(ImportRunTable.LogicalName, ImportId, new ColumnSet(ImportRunTable.Status)).GetAttributeValue<OptionSetValue>(ImportRunTable.Status).Value;
}

public sealed class InterleavingTests_Outbound(ITestOutputHelper output) : InterleavingTests(SegmentTargetOption.Outbound, output);

public sealed class InterleavingTests_RealTime(ITestOutputHelper output) : InterleavingTests(SegmentTargetOption.RealTime, output);

/// <summary>
/// Two imports of one segment, an older and a newer export, in every order of their callers' calls: the newest wins;
/// the older is applied only if it finished before the newer's last batch arrived, and is otherwise Skipped or
/// Superseded, never applied on top; members of every membership involved never leave the Live segment.
/// </summary>
[Trait("Category", Figures.Category)]
public abstract class InterleavingTests(SegmentTargetOption target, ITestOutputHelper output)
{
    /// <summary>Every way to interleave <paramref name="a"/> calls of the older import with <paramref name="b"/> of the newer (true = newer).</summary>
    public static IEnumerable<bool[]> Orders(int a, int b)
    {
        if (a == 0 && b == 0)
        {
            yield return [];
            yield break;
        }

        if (a > 0)
        {
            foreach (var rest in Orders(a - 1, b)) yield return [false, .. rest];
        }

        if (b > 0)
        {
            foreach (var rest in Orders(a, b - 1)) yield return [true, .. rest];
        }
    }

    [Fact]
    public void TwoThreeBatchImports_InEveryOrderOfTheirCalls_TheNewestWins() =>
        Interleave(contacts: 40, old: (0, 12), older: (6, 15), newer: (10, 15), batchSize: 5, continues: 0);

    [Fact]
    public void TwoImportsWhoseApplySpansCalls_InEveryOrderOfTheirCalls_TheNewestWins_AndTheOlderIsSupersededMidApply()
    {
        if (target == SegmentTargetOption.RealTime)
        {
            // Real-time requests carry 1,000 ids, so an apply spanning calls needs ~45,000 contacts per order: the
            // outbound model runs these orders; real-time supersession mid-apply is covered by the 3-batch orders above.
            return;
        }

        Interleave(contacts: 12000, old: (0, 6000), older: (4000, 8000), newer: (2000, 8000), batchSize: 4000, continues: 1, budget: "50");
    }

    private void Interleave(int contacts, (int Start, int Count) old, (int Start, int Count) older, (int Start, int Count) newer, int batchSize, int continues, string? budget = null)
    {
        var count = 0;
        var supersededMidApply = 0;
        var olderApplied = 0;
        foreach (var order in Orders(Calls(older.Count, batchSize, continues), Calls(newer.Count, batchSize, continues)))
        {
            var h = new ImportHarness(contacts, target);
            var segment = h.Import(h.Contacts.Skip(old.Start).Take(old.Count), batchSize: 10000).Final.SegmentId;
            h.GoLive(segment);
            if (budget != null)
            {
                h.Environment.SetSetting(SegmentSyncSettings.RequestBudget, budget);
            }

            var o = new ScriptedImport(h, "seg-1", ImportHarness.T0.AddHours(1), h.Contacts.Skip(older.Start).Take(older.Count).ToList(), batchSize, continues);
            var n = new ScriptedImport(h, "seg-1", ImportHarness.T0.AddHours(2), h.Contacts.Skip(newer.Start).Take(newer.Count).ToList(), batchSize, continues);
            var everywhere = h.Contacts.Skip(old.Start).Take(old.Count).Where(id => o.Members.Contains(id) && n.Members.Contains(id)).ToHashSet();
            var label = string.Concat(order.Select(isNewer => isNewer ? 'N' : 'O'));
            var newerApplied = false;
            var olderAppliedBeforeNewerArrived = false;
            foreach (var isNewer in order)
            {
                var result = (isNewer ? n : o).Next();
                var members = h.MembersOf(segment);
                Assert.True(everywhere.IsSubsetOf(members), $"{label}: a member of every membership left the Live segment");
                if (newerApplied)
                {
                    Assert.True(members.SetEquals(n.Members), $"{label}: the segment changed after the newer import was applied");
                }

                newerApplied |= isNewer && result.Status == "Applied";
                if (!isNewer && result.Status == "Applied" && n.Made < n.Calls - continues)
                {
                    olderAppliedBeforeNewerArrived = true;
                }
            }

            Assert.Equal("Applied", n.Finish().Status);
            var olderResult = o.Finish();
            Assert.True(h.MembersOf(segment).SetEquals(n.Members), label + ": the newest export did not win");
            var olderStatus = o.RunStatus();
            if (olderStatus == ImportRunStatusOption.Applied)
            {
                Assert.True(olderAppliedBeforeNewerArrived, $"{label}: the older import was applied after the newer one had arrived");
                olderApplied++;
            }
            else
            {
                Assert.Contains(olderStatus, new[] { ImportRunStatusOption.Skipped, ImportRunStatusOption.Superseded });
                Assert.Equal("Skipped", olderResult.Status);
                supersededMidApply += olderStatus == ImportRunStatusOption.Superseded ? 1 : 0;
            }

            Assert.Equal(1, h.SegmentCount);
            count++;
        }

        Assert.True(count > 0);
        if (budget != null)
        {
            Assert.True(supersededMidApply > 0, "no order superseded the older import half-way");
        }

        Figures.Report(output, "interleavings", count,
            $"{target}: every order of two imports' calls ({Calls(older.Count, batchSize, continues)} + {Calls(newer.Count, batchSize, continues)}); older applied first in {olderApplied}, superseded in {supersededMidApply}, skipped in the rest");
    }

    private static int Calls(int members, int batchSize, int continues) => (members + batchSize - 1) / batchSize + continues;
}
