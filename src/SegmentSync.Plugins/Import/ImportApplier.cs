using System;
using System.Collections.Generic;
using System.Linq;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Infrastructure;
using SegmentSync.Plugins.Release;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Storage;
using SegmentSync.Plugins.Targets;

namespace SegmentSync.Plugins.Import
{
    /// <summary>
    /// Makes the Journeys segment mirror a fully received import, a bounded step per call.
    /// </summary>
    /// <remarks>
    /// Each call's writes commit or roll back together (a synchronous plug-in runs in the platform's transaction), so
    /// the run's progress counters and the work they count are always consistent: a failed call leaves the state of
    /// the previous call, and the caller simply calls again.
    /// </remarks>
    public sealed class ImportApplier
    {
        private readonly ImportServices _services;
        private readonly LocalPluginContext _context;

        public ImportApplier(ImportServices services, LocalPluginContext context)
        {
            _services = services;
            _context = context;
        }

        private WorkBudget Budget => _context.Budget;

        /// <summary>Advances an import whose batches are all in; <paramref name="knownSegment"/> saves a lookup.</summary>
        public ImportResult Apply(ImportRunState run, ExternalSegmentState? knownSegment, bool segmentLookedUp)
        {
            run.ApplyCalls++;
            var external = segmentLookedUp ? knownSegment : _services.ExternalSegments.FindByExternalId(run.ExternalId);
            if (external != null && !external.IsManaged)
            {
                // Released while this import was on its way: the segment is no longer SegmentSync's to change.
                throw new ImportValidationException(SegmentRelease.RefusalMessage(external));
            }

            return run.IsPlanned && external != null ? Resume(run, external) : Plan(run, external);
        }

        private ImportResult Plan(ImportRunState run, ExternalSegmentState? external)
        {
            var active = ActiveImportOtherThan(run, external);
            var decision = ExportOrdering.Decide(run.ExportedOn, external?.LastAppliedExportedOn, active?.ExportedOn);
            if (decision == OrderingDecision.SkipOlderThanApplied || decision == OrderingDecision.SkipOlderThanActive)
            {
                return Skip(run, decision == OrderingDecision.SkipOlderThanApplied
                    ? "Skipped: an export from " + RefreshDescription.Iso(external!.LastAppliedExportedOn!.Value) + " was already applied."
                    : "Skipped: the newer import " + active!.Id.ToString("D") + " is being applied.");
            }

            if (run.IsRefresh && !RefreshSourceIsCurrent(run, external))
            {
                return Skip(run, "Skipped: another import was applied since this refresh started; the segment mirrors it already.");
            }

            var target = _services.TargetFor(external);
            external = external ?? CreateExternalSegment(run, target);
            var segment = FindOrCreateSegment(run, external, target, out var isNewSegment);
            if (active != null)
            {
                // Supersede first: reading a big segment's members may span calls, and the older import must stop now.
                Supersede(active, run, external);
            }

            external.ActiveImportId = run.Id;

            var listed = new List<HashSet<Guid>>();
            if (target.ListsMembers && !ReadCurrentMembers(run, segment, target, listed))
            {
                return Pause(run, external, "Reading the segment's current members");
            }

            // A refresh re-applies the ids its source import received.
            var received = _services.Batches.LoadReceivedIds(run.ReceivedFrom);
            run.MembersReceived = received.Count;
            var currentByGroup = CurrentMembers(run, external, segment, target, isNewSegment, listed, out var exact);

            if (target.CanReplaceMembersDirectly(segment, received.Count))
            {
                return ReplaceDirectly(run, external, segment, target, received, currentByGroup[0]);
            }

            // An import superseded half-way has changed members we cannot see: treat the ids it planned as unknown.
            var uncertain = !exact && active != null && active.RequestsDone > 0 ? _services.Batches.LoadPlanIds(active.Id) : null;
            var plan = MembershipPlan.Create(received, currentByGroup.SelectMany(g => g).ToList(), uncertain);
            var grouped = GroupedPlan.Assign(plan, currentByGroup, target.GroupCapacity, target.MaxGroups(segment));
            target.EnsureGroups(segment, grouped.GroupCount);
            segment = grouped.GroupCount > segment.Groups.Count ? target.Find(segment.Id)! : segment;

            run.PlannedAdds = grouped.AddCount;
            run.PlannedRemoves = grouped.RemoveCount;
            run.PlanGroups = grouped.GroupCount;
            // Ids kept from the current membership are members already; added ids count once verified.
            run.MembersMatched = received.Count - grouped.AddCount;
            var requests = new MembershipRequestPlan(grouped, target.IdsPerMembershipRequest);
            run.PlannedRequests = requests.RequestCount;
            run.RequestsDone = 0;
            _context.Trace("Plan: {0} received, {1} to include, {2} to exclude, {3} requests over {4} group(s).",
                received.Count, grouped.AddCount, grouped.RemoveCount, requests.RequestCount, grouped.GroupCount);

            // A plan that needs more than this call is stored, so later calls resume it exactly.
            var spansCalls = requests.RequestCount > 0 && !FitsInThisCall(requests);
            if (spansCalls)
            {
                _services.Batches.CreatePlan(run.Id, grouped);
            }

            return Execute(run, external, segment, target, requests, mustFinish: !spansCalls);
        }

        private ImportResult Resume(ImportRunState run, ExternalSegmentState external)
        {
            var target = _services.TargetFor(external);
            var segment = run.TargetSegmentId.HasValue ? target.Find(run.TargetSegmentId.Value) : null;
            if (segment == null)
            {
                // Deleted by a maker mid-import: plan again against a new segment.
                run.PlannedRequests = 0;
                run.ReadComplete = false;
                return Plan(run, external);
            }

            var requests = new MembershipRequestPlan(_services.Batches.LoadPlan(run.Id, run.PlanGroups), target.IdsPerMembershipRequest);
            return Execute(run, external, segment, target, requests, mustFinish: false);
        }

        /// <summary>
        /// Lists the members of SegmentSync's groups page by page, resuming where the last call stopped. What this call
        /// reads stays in <paramref name="listed"/> (by group) and is staged only if the budget runs out first (false),
        /// so a listing that finishes in one call costs no writes.
        /// </summary>
        private bool ReadCurrentMembers(ImportRunState run, TargetSegment segment, ISegmentTarget target, List<HashSet<Guid>> listed)
        {
            while (listed.Count < segment.Groups.Count)
            {
                listed.Add(new HashSet<Guid>());
            }

            while (!run.ReadComplete)
            {
                if (run.ReadGroup >= segment.Groups.Count)
                {
                    run.ReadComplete = true;
                    break;
                }

                if (!Budget.CanSpend(2 + MembershipRequestPlan.CeilingDivide(listed.Sum(g => g.Count), Limits.PlanSliceIds), Limits.FinalizeReserve))
                {
                    StageListed(run, listed);
                    return false;
                }

                var page = target.ReadMembers(segment, run.ReadGroup, run.ReadPage + 1);
                listed[run.ReadGroup].UnionWith(page.Ids);
                run.ReadPage++;
                if (!page.HasMore)
                {
                    run.ReadGroup++;
                    run.ReadPage = 0;
                }
            }

            return true;
        }

        private void StageListed(ImportRunState run, List<HashSet<Guid>> listed)
        {
            for (var group = 0; group < listed.Count; group++)
            {
                foreach (var slice in Chunks.Of(listed[group].ToList(), Limits.PlanSliceIds))
                {
                    run.ReadSlices++;
                    _services.Batches.CreateCurrent(run.Id, group, run.ReadSlices, slice);
                }
            }
        }

        /// <summary>
        /// The segment's members by group: listed (exact), read from the segment row (exact), or the membership
        /// SegmentSync last applied (not exact: edits made around SegmentSync are not seen).
        /// </summary>
        private List<HashSet<Guid>> CurrentMembers(ImportRunState run, ExternalSegmentState external, TargetSegment segment, ISegmentTarget target, bool isNewSegment, List<HashSet<Guid>> listed, out bool exact)
        {
            exact = true;
            if (target.ListsMembers)
            {
                // Pages listed by earlier calls were staged; this call's are in memory.
                var groups = run.ReadSlices > 0
                    ? _services.Batches.LoadCurrent(run.Id, Math.Max(1, segment.Groups.Count))
                    : Enumerable.Range(0, Math.Max(1, segment.Groups.Count)).Select(_ => new HashSet<Guid>()).ToList();
                for (var group = 0; group < listed.Count && group < groups.Count; group++)
                {
                    groups[group].UnionWith(listed[group]);
                }

                return groups;
            }

            if (target.TryReadMembers(segment, out var members))
            {
                return new List<HashSet<Guid>> { members };
            }

            exact = isNewSegment;
            var applied = !isNewSegment && external.SnapshotImportId.HasValue
                ? _services.Batches.LoadAppliedMembership(external.SnapshotImportId.Value, ReceivedFromOf(external.SnapshotImportId.Value))
                : new HashSet<Guid>();
            return new List<HashSet<Guid>> { applied };
        }

        private ImportResult Execute(ImportRunState run, ExternalSegmentState external, TargetSegment segment, ISegmentTarget target, MembershipRequestPlan requests, bool mustFinish)
        {
            var ignored = SendWithinBudget(run, segment, target, requests, mustFinish);
            _services.Batches.CreateIgnored(run.Id, run.ApplyCalls, ignored);
            if (run.RequestsDone < requests.RequestCount)
            {
                return Pause(run, external, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "{0} of {1} membership requests done", run.RequestsDone, requests.RequestCount));
            }

            target.UpdateFields(segment, Fields(run, run.MembersMatched));
            return Close(run, external, segment, target);
        }

        /// <summary>
        /// Sends the next requests of the plan a check at a time: the ids of up to one query's worth of planned requests
        /// are checked against contacts first, so a contact deleted since the export cannot make Dataverse reject a
        /// whole request, and the requests actually sent are cut from the ids that exist, so none goes out part-empty.
        /// The cursor counts planned requests, which keeps resuming exact. Returns added ids that match no contact.
        /// </summary>
        private List<Guid> SendWithinBudget(ImportRunState run, TargetSegment segment, ISegmentTarget target, MembershipRequestPlan requests, bool mustFinish)
        {
            var ignored = new List<Guid>();
            var groupSize = RequestsPerCheck(requests);
            while (run.RequestsDone < requests.RequestCount)
            {
                var count = Math.Min(groupSize, requests.RequestCount - run.RequestsDone);
                // A plan that was not stored was sized to fit this call; it must not stop half-way.
                if (!mustFinish && !Budget.CanSpend(count + 1, Limits.FinalizeReserve))
                {
                    break;
                }

                var planned = Enumerable.Range(run.RequestsDone, count).Select(requests.Request).ToList();
                var toCheck = planned.Where(r => r.Change == MembershipChange.Include || target.ExcludedIdsMustBeContacts).SelectMany(r => r.Ids).ToList();
                var existing = toCheck.Count > 0 ? _services.Contacts.FindExisting(toCheck) : new HashSet<Guid>();
                foreach (var sameTarget in planned.GroupBy(r => new { r.Change, r.Group }))
                {
                    var ids = sameTarget.SelectMany(r => r.Ids).ToList();
                    var mustExist = sameTarget.Key.Change == MembershipChange.Include || target.ExcludedIdsMustBeContacts;
                    Send(run, segment, target, sameTarget.Key.Change, sameTarget.Key.Group, ids, mustExist ? existing : null, requests.IdsPerRequest, ignored);
                }

                run.RequestsDone += count;
            }

            return ignored;
        }

        private static void Send(ImportRunState run, TargetSegment segment, ISegmentTarget target, MembershipChange change, int group,
            List<Guid> ids, HashSet<Guid>? existing, int idsPerRequest, List<Guid> ignored)
        {
            var kept = existing == null ? ids : ids.Where(existing.Contains).ToList();
            if (change == MembershipChange.Include)
            {
                ignored.AddRange(ids.Where(id => !existing!.Contains(id)));
                run.MembersAdded += kept.Count;
                run.MembersMatched += kept.Count;
                run.MembersIgnored += ids.Count - kept.Count;
            }
            else
            {
                run.MembersRemoved += kept.Count;
            }

            foreach (var chunk in Chunks.Of(kept, idsPerRequest))
            {
                target.Send(segment, new MembershipRequest(change, chunk, group));
            }
        }

        private ImportResult ReplaceDirectly(ImportRunState run, ExternalSegmentState external, TargetSegment segment, ISegmentTarget target, HashSet<Guid> received, HashSet<Guid> current)
        {
            // Small enough to check every id: the column write rejects the whole list if one contact is gone.
            var existing = _services.Contacts.FindExisting(received);
            var members = new HashSet<Guid>(received.Where(existing.Contains));
            var ignored = received.Where(id => !existing.Contains(id)).ToList();
            run.MembersMatched = members.Count;
            run.MembersIgnored = ignored.Count;
            run.MembersAdded = members.Count(id => !current.Contains(id));
            run.MembersRemoved = current.Count(id => !members.Contains(id));
            _services.Batches.CreateIgnored(run.Id, run.ApplyCalls, ignored);
            target.ReplaceMembersDirectly(segment, members, Fields(run, members.Count));
            return Close(run, external, segment, target);
        }

        private ImportResult Close(ImportRunState run, ExternalSegmentState external, TargetSegment segment, ISegmentTarget target)
        {
            var now = _context.NowUtc;
            run.Status = ImportRunStatusOption.Applied;
            run.CompletedOn = now;
            run.Message = "Applied.";
            _services.Runs.Update(run);

            external.Name = run.SegmentName;
            external.Url = run.Url;
            external.Target = target.Kind;
            external.TargetSegmentId = segment.Id;
            external.LastAppliedExportedOn = run.ExportedOn;
            external.LastAppliedOn = now;
            external.SnapshotImportId = run.Id;
            external.ActiveImportId = null;
            external.MemberCount = run.MembersMatched;
            external.Description = RefreshDescription.Format(now, run.ExportedOn, run.MembersMatched);
            _services.ExternalSegments.Update(external);
            _services.Batches.DeleteFinishedStaging(external.Id, run.Id, run.ReceivedFrom, now.AddDays(-_context.Configuration.RunHistoryDays));
            _context.Trace("Applied: {0} matched, {1} ignored, {2} added, {3} removed.", run.MembersMatched, run.MembersIgnored, run.MembersAdded, run.MembersRemoved);
            return ImportResult.From(run, run.BatchCount);
        }

        private ImportResult Pause(ImportRunState run, ExternalSegmentState external, string progress)
        {
            _services.Runs.Update(run);
            _services.ExternalSegments.Update(external);
            _context.Trace("Applying: {0}; continue with {1}.", progress, SegmentImportApi.ContinueSegmentImport);
            return ImportResult.From(run, run.BatchCount);
        }

        private ImportResult Skip(ImportRunState run, string reason)
        {
            run.Status = ImportRunStatusOption.Skipped;
            run.CompletedOn = _context.NowUtc;
            run.Message = reason;
            _services.Runs.Update(run);
            _context.Trace(reason);
            return ImportResult.From(run, run.BatchCount);
        }

        private void Supersede(ImportRunState active, ImportRunState by, ExternalSegmentState external)
        {
            active.Status = ImportRunStatusOption.Superseded;
            active.CompletedOn = _context.NowUtc;
            active.Message = "Superseded by the newer import " + by.Id.ToString("D") + ".";
            _services.Runs.Update(active);
            _context.Trace("Import {0} superseded.", active.Id);
        }

        private ImportRunState? ActiveImportOtherThan(ImportRunState run, ExternalSegmentState? external)
        {
            if (external?.ActiveImportId == null || external.ActiveImportId == run.Id)
            {
                return null;
            }

            var active = _services.Runs.Find(external.ActiveImportId.Value);
            return active != null && active.Status == ImportRunStatusOption.Applying ? active : null;
        }

        /// <summary>
        /// Whether the import a refresh re-applies is still the one the segment's snapshot records: an import applied
        /// since the refresh started makes it redundant (and may have removed its source's staging).
        /// </summary>
        private bool RefreshSourceIsCurrent(ImportRunState run, ExternalSegmentState? external)
        {
            var snapshot = external?.SnapshotImportId;
            return snapshot.HasValue && run.SourceImportId.HasValue
                && (snapshot == run.SourceImportId || ReceivedFromOf(snapshot.Value) == run.SourceImportId);
        }

        /// <summary>The run whose received batches hold <paramref name="importId"/>'s ids (itself, or a refresh's source).</summary>
        private Guid ReceivedFromOf(Guid importId) => _services.Runs.Find(importId)?.ReceivedFrom ?? importId;

        private ExternalSegmentState CreateExternalSegment(ImportRunState run, ISegmentTarget target)
        {
            var external = new ExternalSegmentState
            {
                ExternalId = run.ExternalId,
                Name = run.SegmentName,
                Url = run.Url,
                Target = target.Kind,
            };
            _services.ExternalSegments.Create(external);
            return external;
        }

        private TargetSegment FindOrCreateSegment(ImportRunState run, ExternalSegmentState external, ISegmentTarget target, out bool isNew)
        {
            var sameModel = external.Target == target.Kind;
            var segment = sameModel && external.TargetSegmentId.HasValue ? target.Find(external.TargetSegmentId.Value) : null;
            isNew = segment == null;
            if (segment == null)
            {
                segment = target.Create(Fields(run, 0));
                external.Target = target.Kind;
                external.TargetSegmentId = segment.Id;
                external.SnapshotImportId = null;
                _context.Trace("Created {0} segment {1} in Draft.", target.Kind, segment.Id);
            }

            run.ExternalSegmentRecordId = external.Id;
            run.TargetSegmentId = segment.Id;
            run.Target = target.Kind;
            return segment;
        }

        private bool FitsInThisCall(MembershipRequestPlan requests)
        {
            var checks = MembershipRequestPlan.CeilingDivide(requests.RequestCount, RequestsPerCheck(requests));
            return Budget.CanSpend(requests.RequestCount + checks, Limits.FinalizeReserve);
        }

        // Requests whose ids one existence query (5,000 ids) can check.
        private static int RequestsPerCheck(MembershipRequestPlan requests) => Math.Max(1, Limits.ExistenceCheckChunk / requests.IdsPerRequest);

        private SegmentFields Fields(ImportRunState run, int memberCount)
        {
            var now = _context.NowUtc;
            return new SegmentFields(run.SegmentName, run.Url, RefreshDescription.Format(now, run.ExportedOn, memberCount), memberCount, now);
        }
    }
}
