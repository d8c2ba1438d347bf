using System;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// A request SegmentSync refuses: the message names the problem in words a Customer Insights admin understands.
    /// Thrown before anything is written, so a refused call changes nothing.
    /// </summary>
    [Serializable]
    public sealed class ImportValidationException : Exception
    {
        public ImportValidationException(string message) : base(message)
        {
        }
    }
}
