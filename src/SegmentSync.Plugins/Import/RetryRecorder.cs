using System;
using System.Globalization;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Infrastructure;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Import
{
    /// <summary>
    /// Records in the run history that a call was sent again. A call that fails rolls back everything it wrote, its
    /// own record of the failure included, so the plug-in cannot record a failure itself; the caller can: it retries
    /// with a <see cref="RetryTag"/> (the request's tag parameter), and the retried call adds a note to the run. For a
    /// batch, the note says whether the earlier attempt had been received (its response was lost) or had changed
    /// nothing (it was rolled back). A failure that is never retried leaves no note; the plug-in trace log (when
    /// enabled) keeps the failed call's trace, and the caller its error.
    /// </summary>
    public sealed class RetryRecorder
    {
        private readonly LocalPluginContext _context;
        private readonly int _attempt;
        private readonly int _errorCode;

        private RetryRecorder(LocalPluginContext context, int attempt, int errorCode)
        {
            _context = context;
            _attempt = attempt;
            _errorCode = errorCode;
        }

        /// <summary>The recorder of a retried call, or null for a first attempt (no request is made either way).</summary>
        public static RetryRecorder? From(LocalPluginContext context)
        {
            var shared = context.ExecutionContext.SharedVariables;
            return shared != null && shared.TryGetValue(RetryTag.SharedVariable, out var tag) && RetryTag.TryParse(tag, out var attempt, out var error)
                ? new RetryRecorder(context, attempt, error)
                : null;
        }

        /// <summary>Adds the note to run <paramref name="importId"/> (two requests: read the run, write it).</summary>
        /// <param name="call">What was sent again: "batch 2 of 3", "segsync_ContinueSegmentImport".</param>
        /// <param name="earlierReceived">For a batch: whether it was already received before this call; null when unknown.</param>
        public void Record(ImportServices services, Guid importId, string call, bool? earlierReceived)
        {
            var run = services.Runs.Find(importId);
            if (run == null)
            {
                return;
            }

            var earlier = earlierReceived == true
                ? "the earlier attempt had been received (its response was lost); nothing was received twice"
                : earlierReceived == false
                    ? "the earlier attempt had changed nothing (it was rolled back)"
                    : "the earlier attempt had changed nothing, or had been done and this call found nothing left to do";
            var note = string.Format(CultureInfo.InvariantCulture, "{0} Retry: {1} was sent again (attempt {2}) after {3}; {4}.",
                RefreshDescription.Iso(_context.NowUtc), call, _attempt, RetryTag.Describe(_errorCode), earlier);
            run.Notes.Add(note);
            services.Runs.Update(run);
            _context.Trace("Run history: {0}", note);
        }
    }
}
