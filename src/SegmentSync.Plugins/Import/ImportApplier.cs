using System;
using System.Collections.Generic;
using System.Linq;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Infrastructure;
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
    /// the run's progress counter and the membership requests it counts are always consistent: a failed call leaves
    /// the state of the previous call, and the caller simply calls again.
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
            return run.IsPlanned ? Resume(run, external!) : Plan(run, external);
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

            external = external ?? CreateExternalSegment(run);
            var segment = FindOrCreateSegment(run, external, out var isNewSegment);
            var received = _services.Batches.LoadReceivedIds(run.Id);
            run.MembersReceived = received.Count;

            var readable = _services.Target.TryReadMembers(segment, out var current);
            if (!readable && !isNewSegment && external.SnapshotImportId.HasValue)
            {
                current = _services.Batches.LoadAppliedMembership(external.SnapshotImportId.Value);
            }

            // An import superseded half-way has changed some members we cannot see: treat its ids as unknown.
            var uncertain = !readable && active != null && active.RequestsDone > 0 ? _services.Batches.LoadPlan(active.Id) : null;
            if (active != null)
            {
                Supersede(active, run);
            }

            if (_services.Target.CanReplaceMembersDirectly(segment, received.Count))
            {
                return ReplaceDirectly(run, external, segment, received, current);
            }

            var plan = MembershipPlan.Create(received, current, uncertain);
            run.PlannedAdds = plan.Adds.Count;
            run.PlannedRemoves = plan.Removes.Count;
            // Ids kept from the current membership are members already; added ids count once verified.
            run.MembersMatched = received.Count - plan.Adds.Count;
            var requests = new MembershipRequestPlan(plan.Adds, plan.Removes, _services.Target.IdsPerMembershipRequest);
            run.PlannedRequests = requests.RequestCount;
            run.RequestsDone = 0;
            _context.Trace("Plan: {0} received, {1} to include, {2} to exclude, {3} requests.", received.Count, plan.Adds.Count, plan.Removes.Count, requests.RequestCount);

            // A plan that needs more than this call is stored, so later calls resume it exactly.
            var spansCalls = requests.RequestCount > 0 && !FitsInThisCall(requests);
            if (spansCalls)
            {
                _services.Batches.CreatePlan(run.Id, plan.Adds.Concat(plan.Removes).ToList());
            }

            external.ActiveImportId = run.Id;
            return Execute(run, external, segment, requests, mustFinish: !spansCalls);
        }

        private ImportResult Resume(ImportRunState run, ExternalSegmentState external)
        {
            var segment = run.TargetSegmentId.HasValue ? _services.Target.Find(run.TargetSegmentId.Value) : null;
            if (segment == null)
            {
                // Deleted by a maker mid-import: start the plan again against a new segment.
                run.PlannedRequests = 0;
                external.TargetSegmentId = null;
                return Plan(run, external);
            }

            var ids = _services.Batches.LoadPlan(run.Id);
            var adds = ids.Take(run.PlannedAdds).ToList();
            var removes = ids.Skip(run.PlannedAdds).ToList();
            var requests = new MembershipRequestPlan(adds, removes, _services.Target.IdsPerMembershipRequest);
            return Execute(run, external, segment, requests, mustFinish: false);
        }

        private ImportResult Execute(ImportRunState run, ExternalSegmentState external, TargetSegment segment, MembershipRequestPlan requests, bool mustFinish)
        {
            var ignored = SendWithinBudget(run, segment, requests, mustFinish);
            _services.Batches.CreateIgnored(run.Id, run.ApplyCalls, ignored);
            if (run.RequestsDone < requests.RequestCount)
            {
                _services.Runs.Update(run);
                _services.ExternalSegments.Update(external);
                _context.Trace("Applying: {0} of {1} membership requests done; continue with {2}.", run.RequestsDone, requests.RequestCount, SegmentImportApi.ContinueSegmentImport);
                return ImportResult.From(run, run.BatchCount);
            }

            return Finish(run, external, segment);
        }

        /// <summary>
        /// Sends the next requests of the plan in groups whose ids are checked first in one query, so a contact deleted
        /// since the export cannot make Dataverse reject a whole request. Returns added ids that match no contact.
        /// </summary>
        private List<Guid> SendWithinBudget(ImportRunState run, TargetSegment segment, MembershipRequestPlan requests, bool mustFinish)
        {
            var ignored = new List<Guid>();
            var groupSize = Math.Max(1, Limits.ExistenceCheckChunk / requests.IdsPerRequest);
            while (run.RequestsDone < requests.RequestCount)
            {
                var count = Math.Min(groupSize, requests.RequestCount - run.RequestsDone);
                // A plan that was not stored was sized to fit this call; it must not stop half-way.
                if (!mustFinish && !Budget.CanSpend(count + 1, Limits.FinalizeReserve))
                {
                    break;
                }

                var group = Enumerable.Range(run.RequestsDone, count).Select(requests.Request).ToList();
                var existing = _services.Contacts.FindExisting(group.SelectMany(r => r.Ids).ToList());
                foreach (var request in group)
                {
                    SendExisting(run, segment, request, existing, ignored);
                }

                run.RequestsDone += count;
            }

            return ignored;
        }

        private void SendExisting(ImportRunState run, TargetSegment segment, MembershipRequest request, HashSet<Guid> existing, List<Guid> ignored)
        {
            var ids = request.Ids.Where(existing.Contains).ToList();
            if (request.Change == MembershipChange.Include)
            {
                ignored.AddRange(request.Ids.Where(id => !existing.Contains(id)));
                run.MembersAdded += ids.Count;
                run.MembersMatched += ids.Count;
                run.MembersIgnored += request.Ids.Count - ids.Count;
            }
            else
            {
                run.MembersRemoved += ids.Count;
            }

            if (ids.Count > 0)
            {
                _services.Target.Send(segment, new MembershipRequest(request.Change, ids));
            }
        }

        private ImportResult ReplaceDirectly(ImportRunState run, ExternalSegmentState external, TargetSegment segment, HashSet<Guid> received, HashSet<Guid> current)
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
            _services.Target.ReplaceMembersDirectly(segment, members, Fields(run, members.Count));
            return Close(run, external, segment);
        }

        private ImportResult Finish(ImportRunState run, ExternalSegmentState external, TargetSegment segment)
        {
            _services.Target.UpdateFields(segment, Fields(run, run.MembersMatched));
            return Close(run, external, segment);
        }

        private ImportResult Close(ImportRunState run, ExternalSegmentState external, TargetSegment segment)
        {
            var now = _context.NowUtc;
            run.Status = ImportRunStatusOption.Applied;
            run.CompletedOn = now;
            run.Message = "Applied.";
            _services.Runs.Update(run);

            external.Name = run.SegmentName;
            external.Url = run.Url;
            external.TargetSegmentId = segment.Id;
            external.LastAppliedExportedOn = run.ExportedOn;
            external.LastAppliedOn = now;
            external.SnapshotImportId = run.Id;
            external.ActiveImportId = null;
            external.MemberCount = run.MembersMatched;
            _services.ExternalSegments.Update(external);
            _services.Batches.DeleteFinishedStaging(external.Id, run.Id);
            _context.Trace("Applied: {0} matched, {1} ignored, {2} added, {3} removed.", run.MembersMatched, run.MembersIgnored, run.MembersAdded, run.MembersRemoved);
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

        private void Supersede(ImportRunState active, ImportRunState by)
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

        private ExternalSegmentState CreateExternalSegment(ImportRunState run)
        {
            var external = new ExternalSegmentState
            {
                ExternalId = run.ExternalId,
                Name = run.SegmentName,
                Url = run.Url,
                Target = _services.Target.Kind,
            };
            _services.ExternalSegments.Create(external);
            return external;
        }

        private TargetSegment FindOrCreateSegment(ImportRunState run, ExternalSegmentState external, out bool isNew)
        {
            var segment = external.TargetSegmentId.HasValue ? _services.Target.Find(external.TargetSegmentId.Value) : null;
            isNew = segment == null;
            if (segment == null)
            {
                segment = _services.Target.Create(Fields(run, 0));
                external.TargetSegmentId = segment.Id;
                external.SnapshotImportId = null;
                _context.Trace("Created segment {0} in Draft.", segment.Id);
            }

            run.ExternalSegmentRecordId = external.Id;
            run.TargetSegmentId = segment.Id;
            run.Target = _services.Target.Kind;
            return segment;
        }

        private bool FitsInThisCall(MembershipRequestPlan requests)
        {
            var checks = MembershipRequestPlan.CeilingDivide(requests.RequestCount, Math.Max(1, Limits.ExistenceCheckChunk / requests.IdsPerRequest));
            return Budget.CanSpend(requests.RequestCount + checks, Limits.FinalizeReserve);
        }

        private SegmentFields Fields(ImportRunState run, int memberCount)
        {
            var now = _context.NowUtc;
            return new SegmentFields(run.SegmentName, run.Url, RefreshDescription.Format(now, run.ExportedOn, memberCount), memberCount, now);
        }
    }
}
