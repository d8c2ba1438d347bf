using System;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>What the General tab shows for a segment fed by Customer Insights - Data.</summary>
    public sealed class SegmentFields
    {
        public SegmentFields(string name, string externalUrl, string description, int memberCount, DateTime refreshedOnUtc)
        {
            Name = name;
            ExternalUrl = externalUrl;
            Description = description;
            MemberCount = memberCount;
            RefreshedOnUtc = refreshedOnUtc;
        }

        public string Name { get; }
        public string ExternalUrl { get; }
        public string Description { get; }
        public int MemberCount { get; }
        public DateTime RefreshedOnUtc { get; }
    }
}
