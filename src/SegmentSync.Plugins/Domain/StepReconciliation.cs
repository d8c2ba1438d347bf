using System;
using System.Collections.Generic;
using System.Linq;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// Compares the steps a plug-in type should have with those an environment has registered for it, so that
    /// registering is idempotent: running it twice registers nothing twice, a step an admin disabled or changed is
    /// put back, a step of a segment model the environment no longer has is removed.
    /// </summary>
    public static class StepReconciliation
    {
        /// <summary>Steps are the same step when they share message and table (case-insensitive, as Dataverse names are).</summary>
        public static string KeyOf(string messageName, string primaryEntity) =>
            messageName.ToUpperInvariant() + "|" + (string.IsNullOrEmpty(primaryEntity) ? PluginRegistrationTables.MessageFilter.NoEntity : primaryEntity).ToUpperInvariant();

        public static StepChanges Plan(IEnumerable<PluginStepDescriptor> wanted, IEnumerable<ExistingStep> existing)
        {
            var remaining = existing.ToList();
            var toCreate = new List<PluginStepDescriptor>();
            var toUpdate = new List<StepUpdate>();
            var unchanged = 0;
            foreach (var step in wanted.GroupBy(w => KeyOf(w.MessageName, w.PrimaryEntity)).Select(g => g.First()))
            {
                var match = remaining.FirstOrDefault(e => KeyOf(e.MessageName, e.PrimaryEntity) == KeyOf(step.MessageName, step.PrimaryEntity));
                if (match == null)
                {
                    toCreate.Add(step);
                    continue;
                }

                remaining.Remove(match);
                if (IsAsWanted(match, step))
                {
                    unchanged++;
                }
                else
                {
                    toUpdate.Add(new StepUpdate(match, step));
                }
            }

            return new StepChanges(toCreate, toUpdate, remaining, unchanged);
        }

        private static bool IsAsWanted(ExistingStep existing, PluginStepDescriptor wanted) =>
            existing.IsEnabled
            && existing.Stage == wanted.Stage
            && existing.Mode == wanted.Mode
            && existing.Rank == wanted.Rank
            && SameColumns(existing.FilteringAttributes, wanted.FilteringAttributes);

        private static bool SameColumns(string left, string right) =>
            new HashSet<string>(Columns(left), StringComparer.OrdinalIgnoreCase).SetEquals(Columns(right));

        private static IEnumerable<string> Columns(string list) =>
            (list ?? string.Empty).Split(',').Select(c => c.Trim()).Where(c => c.Length > 0);
    }
}
