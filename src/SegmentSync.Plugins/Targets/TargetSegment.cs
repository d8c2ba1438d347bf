using System;
using System.Collections.Generic;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>A Journeys segment as the pipeline sees it.</summary>
    public sealed class TargetSegment
    {
        public TargetSegment(Guid id, string name, bool isDraft, string? memberList, IReadOnlyList<Guid>? groups = null, string? groupDeclarations = null, bool isLive = false)
        {
            Id = id;
            Name = name;
            IsDraft = isDraft;
            IsLive = isLive;
            MemberList = memberList;
            Groups = groups ?? new Guid[0];
            GroupDeclarations = groupDeclarations;
        }

        /// <summary>The id callers see as SegmentId (the msdyncrm_segment, or the msdynmkt_segmentdefinition).</summary>
        public Guid Id { get; }
        public string Name { get; }

        /// <summary>Draft segments take members directly; any other status is refreshed without a status change.</summary>
        public bool IsDraft { get; }
        public bool IsLive { get; }

        /// <summary>The model's own serialized member list, where it keeps one (may be null).</summary>
        public string? MemberList { get; }

        /// <summary>SegmentSync's member groups in the segment, in order (models with groups).</summary>
        public IReadOnlyList<Guid> Groups { get; }

        /// <summary>The model's raw group declarations, kept so that other groups survive a rewrite.</summary>
        public string? GroupDeclarations { get; }
    }
}
