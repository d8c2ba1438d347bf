using System;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>A plug-in step as an environment has it registered, in the terms the reconciliation compares.</summary>
    public sealed class ExistingStep
    {
        public ExistingStep(Guid id, string messageName, string primaryEntity, int stage, int mode, int rank, string filteringAttributes, bool isEnabled)
        {
            Id = id;
            MessageName = messageName;
            PrimaryEntity = primaryEntity;
            Stage = stage;
            Mode = mode;
            Rank = rank;
            FilteringAttributes = filteringAttributes;
            IsEnabled = isEnabled;
        }

        public Guid Id { get; }
        public string MessageName { get; }

        /// <summary>The table's logical name, or "none".</summary>
        public string PrimaryEntity { get; }

        public int Stage { get; }
        public int Mode { get; }
        public int Rank { get; }

        /// <summary>Comma-separated, as stored; empty: all columns.</summary>
        public string FilteringAttributes { get; }

        public bool IsEnabled { get; }
    }
}
