using System;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// Data SegmentSync reads (its own staging, or what a Journeys message returned) is not in the shape it expects.
    /// The message says what was read and what is wrong with it; the call fails (and rolls back) with that message.
    /// </summary>
    [Serializable]
    public sealed class SegmentSyncDataException : Exception
    {
        public SegmentSyncDataException(string message) : base(message)
        {
        }

        public SegmentSyncDataException(string message, Exception inner) : base(message, inner)
        {
        }
    }
}
