using System;
using System.Collections.Generic;
using System.Linq;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Infrastructure;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Targets;
using Api = SegmentSync.Plugins.Schema.GuardSetupApi;

namespace SegmentSync.Plugins.Guard
{
    /// <summary>
    /// Custom API <c>segsync_ConfigureGuard</c>: registers the manual-edit guard's steps (<see cref="PluginSteps"/>) for
    /// the Journeys segment models this environment has, or removes them. The messages and tables are found by name,
    /// so one solution serves outbound-only, real-time-only and mixed environments. Idempotent: a second call changes
    /// nothing; a step an admin disabled or changed is restored; steps of a model the environment lost are removed.
    /// Runs with the caller's privileges, so only a user who may register plug-in steps (System Administrator, System
    /// Customizer) can change them.
    /// </summary>
    public sealed class ConfigureGuardPlugin : PluginBase
    {
        public ConfigureGuardPlugin()
        {
        }

        public ConfigureGuardPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var enabled = InputReader.Get<bool?>(context.ExecutionContext.InputParameters, Api.Enabled)
                ?? throw new ImportValidationException(Api.Enabled + " is required: true registers the guard's steps, false removes them. Nothing was changed.");

            var store = new StepRegistrationStore(context.OrganizationService);
            var pluginTypeId = FindGuardPluginType(store);
            var models = enabled ? SegmentModelCatalog.Read(context.OrganizationService) : null;
            var wanted = WantedSteps(models);
            var resolved = ResolveMessages(store, wanted);

            var changes = StepReconciliation.Plan(resolved.Registrable, store.StepsOf(pluginTypeId));
            Apply(context, store, changes, pluginTypeId, resolved);

            var output = context.ExecutionContext.OutputParameters;
            output[Api.SegmentModels] = string.Join(Api.ListSeparator, ModelNames(models));
            output[Api.StepsCreated] = changes.ToCreate.Count;
            output[Api.StepsUpdated] = changes.ToUpdate.Count;
            output[Api.StepsRemoved] = changes.ToDelete.Count;
            output[Api.StepsActive] = changes.ActiveAfter;
            output[Api.MessagesSkipped] = string.Join(Api.SkippedSeparator, resolved.Skipped);
            context.Trace("Guard {0}: models [{1}], {2} created, {3} updated, {4} removed, {5} unchanged; skipped: [{6}].",
                enabled ? "enabled" : "disabled", string.Join(Api.ListSeparator, ModelNames(models)), changes.ToCreate.Count,
                changes.ToUpdate.Count, changes.ToDelete.Count, changes.Unchanged, string.Join(Api.SkippedSeparator, resolved.Skipped));
        }

        private static Guid FindGuardPluginType(StepRegistrationStore store)
        {
            var assemblyName = typeof(ManagedSegmentGuardPlugin).Assembly.GetName().Name ?? string.Empty;
            return store.FindPluginType(PluginSteps.GuardPluginType, assemblyName)
                ?? throw new ImportValidationException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "The plug-in type {0} of assembly {1} is not registered in this environment. Import (or update) the SegmentSync solution, then call {2} again. Nothing was changed.",
                    PluginSteps.GuardPluginType, assemblyName, Api.ConfigureGuard));
        }

        private static IReadOnlyList<PluginStepDescriptor> WantedSteps(SegmentModelCatalog? models)
        {
            var steps = new List<PluginStepDescriptor>();
            if (models?.HasOutbound == true)
            {
                steps.AddRange(PluginSteps.OutboundGuard);
            }

            if (models?.HasRealTime == true)
            {
                steps.AddRange(PluginSteps.RealTimeGuard);
            }

            return steps;
        }

        private static IEnumerable<string> ModelNames(SegmentModelCatalog? models)
        {
            if (models?.HasOutbound == true)
            {
                yield return Api.OutboundModel;
            }

            if (models?.HasRealTime == true)
            {
                yield return Api.RealTimeModel;
            }
        }

        private static ResolvedSteps ResolveMessages(StepRegistrationStore store, IReadOnlyList<PluginStepDescriptor> wanted)
        {
            var resolved = new ResolvedSteps();
            if (wanted.Count == 0)
            {
                return resolved;
            }

            resolved.Messages = store.FindMessages(wanted.Select(s => s.MessageName));
            resolved.Filters = resolved.Messages.Count == 0 ? resolved.Filters : store.FindFilters(resolved.Messages, wanted.Select(s => s.PrimaryEntity));
            foreach (var step in wanted)
            {
                var reason = WhyNotRegistrable(step, resolved);
                if (reason == null)
                {
                    resolved.Registrable.Add(step);
                }
                else
                {
                    var what = step.PrimaryEntity == PluginRegistrationTables.MessageFilter.NoEntity ? step.MessageName : step.MessageName + " of " + step.PrimaryEntity;
                    resolved.Skipped.Add(what + " (" + reason + ")");
                }
            }

            return resolved;
        }

        /// <summary>
        /// Null when the environment can take the step: its message exists, a table-bound step has the message's filter
        /// for that table (a message without a table may have none), and the filter allows custom steps.
        /// </summary>
        private static string? WhyNotRegistrable(PluginStepDescriptor step, ResolvedSteps resolved)
        {
            var boundToTable = step.PrimaryEntity != PluginRegistrationTables.MessageFilter.NoEntity;
            var hasFilter = resolved.Filters.TryGetValue(StepReconciliation.KeyOf(step.MessageName, step.PrimaryEntity), out var filter);
            if (!resolved.Messages.ContainsKey(step.MessageName) || (boundToTable && !hasFilter))
            {
                return Api.NotInEnvironment;
            }

            return hasFilter && !filter!.AllowsCustomSteps ? Api.CustomStepsNotAllowed : null;
        }

        private static void Apply(LocalPluginContext context, StepRegistrationStore store, StepChanges changes, Guid pluginTypeId, ResolvedSteps resolved)
        {
            foreach (var step in changes.ToDelete)
            {
                store.Delete(step.Id);
                context.Trace("Removed step {0} ({1} of {2}).", step.Id, step.MessageName, step.PrimaryEntity);
            }

            foreach (var update in changes.ToUpdate)
            {
                store.Update(update.Existing.Id, update.Wanted);
                context.Trace("Restored step {0} ({1}).", update.Existing.Id, update.Wanted.Name);
            }

            foreach (var step in changes.ToCreate)
            {
                var key = StepReconciliation.KeyOf(step.MessageName, step.PrimaryEntity);
                var filterId = resolved.Filters.TryGetValue(key, out var filter) ? filter.Id : (Guid?)null;
                var id = store.Create(step, pluginTypeId, resolved.Messages[step.MessageName], filterId);
                context.Trace("Registered step {0} ({1}).", id, step.Name);
            }
        }

        /// <summary>The wanted steps split into those the environment can register and those it cannot, with the reason.</summary>
        private sealed class ResolvedSteps
        {
            public IDictionary<string, Guid> Messages { get; set; } = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
            public IDictionary<string, MessageFilter> Filters { get; set; } = new Dictionary<string, MessageFilter>(StringComparer.Ordinal);
            public List<PluginStepDescriptor> Registrable { get; } = new List<PluginStepDescriptor>();
            public List<string> Skipped { get; } = new List<string>();
        }
    }
}
