using System;

namespace SegmentSync.Plugins.Guard
{
    /// <summary>An sdkmessagefilter: a message on one table (or "none"), and whether it takes custom steps.</summary>
    public sealed class MessageFilter
    {
        public MessageFilter(Guid id, bool allowsCustomSteps)
        {
            Id = id;
            AllowsCustomSteps = allowsCustomSteps;
        }

        public Guid Id { get; }

        public bool AllowsCustomSteps { get; }
    }
}
