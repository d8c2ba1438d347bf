using System.Collections.Generic;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>What makes an environment's registered steps equal the wanted ones.</summary>
    public sealed class StepChanges
    {
        public StepChanges(IReadOnlyList<PluginStepDescriptor> toCreate, IReadOnlyList<StepUpdate> toUpdate, IReadOnlyList<ExistingStep> toDelete, int unchanged)
        {
            ToCreate = toCreate;
            ToUpdate = toUpdate;
            ToDelete = toDelete;
            Unchanged = unchanged;
        }

        public IReadOnlyList<PluginStepDescriptor> ToCreate { get; }

        /// <summary>Registered steps whose settings differ from the wanted ones (or that an admin disabled).</summary>
        public IReadOnlyList<StepUpdate> ToUpdate { get; }

        /// <summary>Registered steps that are not wanted, or duplicates of a wanted one.</summary>
        public IReadOnlyList<ExistingStep> ToDelete { get; }

        /// <summary>Registered steps that already are as wanted.</summary>
        public int Unchanged { get; }

        /// <summary>The steps registered once the changes are made.</summary>
        public int ActiveAfter => ToCreate.Count + ToUpdate.Count + Unchanged;
    }

    /// <summary>A registered step and the settings it must get.</summary>
    public sealed class StepUpdate
    {
        public StepUpdate(ExistingStep existing, PluginStepDescriptor wanted)
        {
            Existing = existing;
            Wanted = wanted;
        }

        public ExistingStep Existing { get; }
        public PluginStepDescriptor Wanted { get; }
    }
}
