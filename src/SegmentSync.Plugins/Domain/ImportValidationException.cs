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

        /// <param name="message">What the caller is told (it may quote the values the caller sent).</param>
        /// <param name="traceMessage">The same without the quoted values, for the plug-in trace log, which keeps nothing personal beyond ids.</param>
        public ImportValidationException(string message, string traceMessage) : base(message)
        {
            TraceMessage = traceMessage;
        }

        /// <summary>The message for the trace log when <see cref="Exception.Message"/> quotes input; null when it does not.</summary>
        public string? TraceMessage { get; }
    }
}
