using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using R = SegmentSync.Plugins.Schema.PluginRegistrationTables;

namespace SegmentSync.Plugins.Guard
{
    /// <summary>
    /// Reads and writes Dataverse's plug-in registration tables: the plug-in type, messages and their filters found by
    /// name (their ids differ between environments), and one plug-in type's steps.
    /// </summary>
    public sealed class StepRegistrationStore
    {
        private const string MessageAlias = "message";
        private const string FilterAlias = "filter";

        /// <summary>Step ids are name-based, so a step registered twice (a retried call, two admins) collides instead of doubling.</summary>
        private static readonly Guid StepIdNamespace = new Guid("3f4c2d7e-8a51-4b9e-a6d2-5e0b7c19f482");

        private readonly IOrganizationService _service;

        public StepRegistrationStore(IOrganizationService service)
        {
            _service = service;
        }

        /// <summary>The id of the registered plug-in type <paramref name="typeName"/> of <paramref name="assemblyName"/>, or null.</summary>
        public Guid? FindPluginType(string typeName, string assemblyName)
        {
            var query = new QueryExpression(R.PluginType.LogicalName) { ColumnSet = new ColumnSet(R.PluginType.Id), TopCount = 1 };
            query.Criteria.AddCondition(R.PluginType.TypeName, ConditionOperator.Equal, typeName);
            query.Criteria.AddCondition(R.PluginType.AssemblyName, ConditionOperator.Equal, assemblyName);
            var found = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return found?.Id;
        }

        /// <summary>Message ids by name (case-insensitive) for the <paramref name="names"/> the environment has.</summary>
        public IDictionary<string, Guid> FindMessages(IEnumerable<string> names)
        {
            var query = new QueryExpression(R.Message.LogicalName) { ColumnSet = new ColumnSet(R.Message.Id, R.Message.Name) };
            query.Criteria.AddCondition(R.Message.Name, ConditionOperator.In, names.Distinct(StringComparer.OrdinalIgnoreCase).Cast<object>().ToArray());
            var found = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
            foreach (var message in _service.RetrieveMultiple(query).Entities)
            {
                found[message.GetAttributeValue<string>(R.Message.Name)] = message.Id;
            }

            return found;
        }

        /// <summary>
        /// The filters of <paramref name="messages"/> on <paramref name="tables"/> ("none" for messages without a table),
        /// keyed by <see cref="StepReconciliation.KeyOf"/>. Update has a filter for every table of the environment, so
        /// the query asks only for the tables the steps need.
        /// </summary>
        public IDictionary<string, MessageFilter> FindFilters(IDictionary<string, Guid> messages, IEnumerable<string> tables)
        {
            var names = messages.ToDictionary(m => m.Value, m => m.Key);
            var query = new QueryExpression(R.MessageFilter.LogicalName)
            {
                ColumnSet = new ColumnSet(R.MessageFilter.Id, R.MessageFilter.MessageId, R.MessageFilter.PrimaryEntity, R.MessageFilter.CustomStepsAllowed),
            };
            query.Criteria.AddCondition(R.MessageFilter.MessageId, ConditionOperator.In, names.Keys.Cast<object>().ToArray());
            query.Criteria.AddCondition(R.MessageFilter.PrimaryEntity, ConditionOperator.In, tables.Distinct(StringComparer.OrdinalIgnoreCase).Cast<object>().ToArray());
            var found = new Dictionary<string, MessageFilter>(StringComparer.Ordinal);
            foreach (var filter in _service.RetrieveMultiple(query).Entities)
            {
                var message = filter.GetAttributeValue<EntityReference>(R.MessageFilter.MessageId);
                if (message != null && names.TryGetValue(message.Id, out var name))
                {
                    var allowed = filter.GetAttributeValue<bool?>(R.MessageFilter.CustomStepsAllowed) ?? true;
                    found[StepReconciliation.KeyOf(name, filter.GetAttributeValue<string>(R.MessageFilter.PrimaryEntity))] = new MessageFilter(filter.Id, allowed);
                }
            }

            return found;
        }

        /// <summary>Every step that runs the plug-in type <paramref name="pluginTypeId"/>, with its message and table.</summary>
        public IReadOnlyList<ExistingStep> StepsOf(Guid pluginTypeId)
        {
            var query = new QueryExpression(R.Step.LogicalName)
            {
                ColumnSet = new ColumnSet(R.Step.Id, R.Step.Stage, R.Step.Mode, R.Step.Rank, R.Step.FilteringAttributes, R.Step.StateCode),
            };
            query.Criteria.AddCondition(R.Step.EventHandler, ConditionOperator.Equal, pluginTypeId);
            var message = query.AddLink(R.Message.LogicalName, R.Step.MessageId, R.Message.Id);
            message.EntityAlias = MessageAlias;
            message.Columns = new ColumnSet(R.Message.Name);
            var filter = query.AddLink(R.MessageFilter.LogicalName, R.Step.MessageFilterId, R.MessageFilter.Id, JoinOperator.LeftOuter);
            filter.EntityAlias = FilterAlias;
            filter.Columns = new ColumnSet(R.MessageFilter.PrimaryEntity);
            query.AddOrder(R.Step.Id, OrderType.Ascending);

            return _service.RetrieveMultiple(query).Entities.Select(step => new ExistingStep(
                step.Id,
                Aliased(step, MessageAlias, R.Message.Name) ?? string.Empty,
                Aliased(step, FilterAlias, R.MessageFilter.PrimaryEntity) ?? R.MessageFilter.NoEntity,
                step.GetAttributeValue<OptionSetValue>(R.Step.Stage)?.Value ?? 0,
                step.GetAttributeValue<OptionSetValue>(R.Step.Mode)?.Value ?? 0,
                step.GetAttributeValue<int>(R.Step.Rank),
                step.GetAttributeValue<string>(R.Step.FilteringAttributes) ?? string.Empty,
                (step.GetAttributeValue<OptionSetValue>(R.Step.StateCode)?.Value ?? R.Step.EnabledState) == R.Step.EnabledState)).ToList();
        }

        /// <summary>Registers <paramref name="step"/> (with a name-based id) and returns its id.</summary>
        public Guid Create(PluginStepDescriptor step, Guid pluginTypeId, Guid messageId, Guid? filterId)
        {
            var id = NameBasedGuid.Create(StepIdNamespace, pluginTypeId.ToString("D") + "|" + StepReconciliation.KeyOf(step.MessageName, step.PrimaryEntity));
            var record = new Entity(R.Step.LogicalName, id)
            {
                [R.Step.Name] = step.Name,
                [R.Step.Description] = step.Description,
                [R.Step.EventHandler] = new EntityReference(R.PluginType.LogicalName, pluginTypeId),
                [R.Step.MessageId] = new EntityReference(R.Message.LogicalName, messageId),
                [R.Step.SupportedDeployment] = new OptionSetValue(R.Step.ServerOnly),
                [R.Step.AsyncAutoDelete] = false,
            };
            if (filterId.HasValue)
            {
                record[R.Step.MessageFilterId] = new EntityReference(R.MessageFilter.LogicalName, filterId.Value);
            }

            SetSettings(record, step);
            return _service.Create(record);
        }

        /// <summary>Gives a registered step the settings of <paramref name="wanted"/> and enables it.</summary>
        public void Update(Guid stepId, PluginStepDescriptor wanted)
        {
            var record = new Entity(R.Step.LogicalName, stepId)
            {
                [R.Step.StateCode] = new OptionSetValue(R.Step.EnabledState),
                [R.Step.StatusCode] = new OptionSetValue(R.Step.EnabledStatus),
            };
            SetSettings(record, wanted);
            _service.Update(record);
        }

        public void Delete(Guid stepId) => _service.Delete(R.Step.LogicalName, stepId);

        private static void SetSettings(Entity record, PluginStepDescriptor step)
        {
            record[R.Step.Stage] = new OptionSetValue(step.Stage);
            record[R.Step.Mode] = new OptionSetValue(step.Mode);
            record[R.Step.Rank] = step.Rank;
            record[R.Step.FilteringAttributes] = step.FilteringAttributes;
        }

        private static string? Aliased(Entity row, string alias, string attribute) =>
            (row.GetAttributeValue<AliasedValue>(alias + "." + attribute)?.Value) as string;
    }
}
