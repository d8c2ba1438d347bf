using System;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>A Journeys segment as the pipeline sees it.</summary>
    public sealed class TargetSegment
    {
        public TargetSegment(Guid id, string name, bool isDraft, string? memberList)
        {
            Id = id;
            Name = name;
            IsDraft = isDraft;
            MemberList = memberList;
        }

        public Guid Id { get; }
        public string Name { get; }

        /// <summary>Draft segments take members directly; any other status is refreshed without a status change.</summary>
        public bool IsDraft { get; }

        /// <summary>The model's own serialized member list, where it keeps one (may be null).</summary>
        public string? MemberList { get; }
    }
}
