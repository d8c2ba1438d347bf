using System;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// The Dataverse requests one call may still issue. Every call stops well inside the 2-minute plug-in limit
    /// because it stops at its budget, whatever the segment size; the rest continues in the next call.
    /// </summary>
    public sealed class WorkBudget
    {
        public WorkBudget(int limit)
        {
            if (limit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), "The request budget must be at least 1.");
            }

            Limit = limit;
        }

        public int Limit { get; private set; }
        public int Spent { get; private set; }
        public int Remaining => Math.Max(0, Limit - Spent);

        public void Spend(int requests = 1) => Spent += requests;

        /// <summary>Sets the limit once the environment's setting is known (the requests already spent still count).</summary>
        public void Resize(int limit)
        {
            if (limit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), "The request budget must be at least 1.");
            }

            Limit = limit;
        }

        public bool CanSpend(int requests, int reserve) => Remaining - reserve >= requests;
    }
}
