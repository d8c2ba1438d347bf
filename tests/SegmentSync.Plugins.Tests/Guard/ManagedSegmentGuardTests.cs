using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Targets;
using SegmentSync.Plugins.Tests.Import;
using Xunit;
using R = SegmentSync.Plugins.Schema.RealTimeSegmentTables;
using S = SegmentSync.Plugins.Schema.OutboundSegmentTable;

namespace SegmentSync.Plugins.Tests.Guard;

public sealed class ManagedSegmentGuardTests_Outbound() : ManagedSegmentGuardTests(SegmentTargetOption.Outbound);

public sealed class ManagedSegmentGuardTests_RealTime() : ManagedSegmentGuardTests(SegmentTargetOption.RealTime);

/// <summary>The manual-edit guard on segments SegmentSync manages, both segment models.</summary>
public abstract class ManagedSegmentGuardTests(SegmentTargetOption target)
{
    private readonly ImportHarness _h = new(30, target);

    private Guid ImportedSegment(bool live = false)
    {
        var segment = _h.Import(_h.Contacts.Take(5)).Final.SegmentId;
        if (live)
        {
            _h.GoLive(segment);
        }

        return segment;
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void ManualMemberChange_OfAManagedSegment_IsBlockedByDefault_TellingTheMakerWhereToChangeIt(bool live, bool add)
    {
        var segment = ImportedSegment(live);
        var before = _h.Fingerprint();

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _h.EditByHand(segment, add, add ? _h.Contacts[20] : _h.Contacts[0]));

        Assert.Equal(ErrorCodes.IsvAborted, error.Detail.ErrorCode);
        Assert.Contains("managed by SegmentSync", error.Detail.Message);
        Assert.Contains("\"High value\" (id seg-1)", error.Detail.Message);
        Assert.Contains("Change the segment in Customer Insights - Data instead", error.Detail.Message);
        Assert.Equal(before, _h.Fingerprint());
    }

    [Fact]
    public void InWarnMode_AManualChangeIsAllowed_TracedAsAWarning_AndOverwrittenByTheNextRefresh()
    {
        var segment = ImportedSegment(live: true);
        _h.Environment.SetSetting(SegmentSyncSettings.GuardMode, "Warn");
        _h.Environment.Dataverse.Traces.Clear();

        _h.EditByHand(segment, add: true, _h.Contacts[20]);

        Assert.Contains(_h.Contacts[20], _h.MembersOf(segment));
        var warning = Assert.Single(_h.Environment.Dataverse.Traces.All, t => t.Text.Contains("Warning (segsync_GuardMode = Warn)"));
        Assert.Contains("managed by SegmentSync", warning.Text);

        _h.Import(_h.Contacts.Take(5), exportedOn: ImportHarness.T0.AddHours(1));
        Assert.True(_h.MembersOf(segment).SetEquals(_h.Contacts.Take(5)));
    }

    [Fact]
    public void AnUnusableGuardModeSetting_FallsBackToBlock()
    {
        var segment = ImportedSegment();
        _h.Environment.SetSetting(SegmentSyncSettings.GuardMode, "Maybe");

        Assert.Throws<FaultException<OrganizationServiceFault>>(() => _h.EditByHand(segment, add: true, _h.Contacts[20]));
    }

    [Fact]
    public void SegmentSyncItself_PassesTheGuardInBlockMode_AndTheGuardCostsItsCallsNothing()
    {
        var segment = ImportedSegment(live: true);
        _h.Environment.Dataverse.Traces.Clear();

        var second = _h.Import(_h.Contacts.Skip(3).Take(10), exportedOn: ImportHarness.T0.AddHours(1)).Final;

        Assert.Equal("Applied", second.Status);
        Assert.True(_h.MembersOf(segment).SetEquals(_h.Contacts.Skip(3).Take(10)));
        var guardRuns = _h.Environment.Dataverse.Traces.All.Where(t => t.Text.Contains("[ManagedSegmentGuardPlugin]")).ToList();
        Assert.NotEmpty(guardRuns);
        Assert.All(guardRuns, t => Assert.Contains("Exiting ManagedSegmentGuardPlugin: 0 Dataverse requests.", t.Text));
    }

    [Fact]
    public void ANativelyDefinedSegment_IsNeitherGuardedNorTouchedByImports()
    {
        ImportedSegment();
        var native = CreateNativeStaticSegment(_h.Contacts.Skip(20).Take(3));
        var rowBefore = NativeRow(native);

        _h.EditByHand(native, add: true, _h.Contacts[25]);
        _h.EditByHand(native, add: false, _h.Contacts[20]);
        _h.Import(_h.Contacts.Skip(10).Take(5), exportedOn: ImportHarness.T0.AddHours(1));
        _h.Import(_h.Contacts.Skip(20).Take(5), externalId: "seg-2");

        Assert.True(_h.MembersOf(native).SetEquals(new[] { _h.Contacts[21], _h.Contacts[22], _h.Contacts[25] }));
        Assert.Equal(rowBefore, NativeRow(native));
    }

    /// <summary>A static segment a maker created in Journeys, with its members, and a group of its own for real-time.</summary>
    private Guid CreateNativeStaticSegment(IEnumerable<Guid> members)
    {
        if (!_h.IsRealTime)
        {
            return _h.Service.Create(new Entity(S.LogicalName)
            {
                [S.Name] = "Made in Journeys",
                [S.SegmentType] = new OptionSetValue(S.SegmentTypeStatic),
                [S.MemberIds] = "[" + string.Join(",", members.Select(m => "\"crm" + m + "\"")) + "]",
            });
        }

        var definition = Guid.NewGuid();
        // A maker's definition whose group happens to follow SegmentSync's naming: only the id decides ownership.
        var groups = StaticListGroups.WithOurGroups(definition, new List<StaticListGroup>(), 1);
        _h.Service.Create(new Entity(R.Definition, definition)
        {
            [R.DefinitionName] = "Made in Journeys",
            [R.StatusCode] = new OptionSetValue(R.DefinitionStatusDraft),
            [R.StaticListMembers] = StaticListGroups.Serialize(groups),
        });
        var add = new OrganizationRequest(R.AddStaticMembers)
        {
            [R.SegmentIdParameter] = definition.ToString(),
            [R.GroupIdParameter] = StaticListGroups.GroupId(definition, 0).ToString(),
            [R.EntityIdsParameter] = members.Select(m => m.ToString()).ToArray(),
        };
        _h.Service.Execute(add);
        return definition;
    }

    private string NativeRow(Guid id)
    {
        var row = _h.Service.Retrieve(_h.SegmentTable, id, new Microsoft.Xrm.Sdk.Query.ColumnSet(true));
        return string.Join("|", row.Attributes.Where(a => a.Key is not ("modifiedon" or S.MemberIds)).OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => a.Key + "=" + (a.Value is OptionSetValue o ? o.Value.ToString() : a.Value?.ToString())));
    }
}
