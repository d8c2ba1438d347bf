using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.Serialization;
using SegmentSync.Plugins.Domain;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>
    /// The static member groups a real-time segment definition declares (msdynmkt_staticlistmembers, a JSON array).
    /// SegmentSync owns the Include groups named "SegmentSync members N" and leaves any other group alone.
    /// </summary>
    public static class StaticListGroups
    {
        public const string GroupNamePrefix = "SegmentSync members ";
        private static readonly Guid GroupIdNamespace = new Guid("0b6f7c55-2a8e-4f5b-9a61-8d3c54e0f7a2");

        /// <summary>The id of SegmentSync's group number <paramref name="index"/> (0-based) in a definition: stable across refreshes.</summary>
        public static Guid GroupId(Guid definitionId, int index) =>
            NameBasedGuid.Create(GroupIdNamespace, string.Format(CultureInfo.InvariantCulture, "{0:D}/{1}", definitionId, index));

        public static List<StaticListGroup> Parse(string? json)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                return new List<StaticListGroup>();
            }

            var groups = JsonContract.Read<List<StaticListGroup>>(json!,
                "The segment definition's msdynmkt_staticlistmembers is not the JSON array of member groups SegmentSync reads: ") ?? new List<StaticListGroup>();
            groups.RemoveAll(g => g == null);
            return groups;
        }

        public static string Serialize(List<StaticListGroup> groups) => JsonContract.Write(groups);

        /// <summary>SegmentSync's groups in order of their number.</summary>
        public static List<Guid> Ours(Guid definitionId, IEnumerable<StaticListGroup> groups)
        {
            var declared = new HashSet<Guid>(groups.Select(g => Guid.TryParse(g.GroupId, out var id) ? id : Guid.Empty));
            var ours = new List<Guid>();
            for (var index = 0; declared.Contains(GroupId(definitionId, index)); index++)
            {
                ours.Add(GroupId(definitionId, index));
            }

            return ours;
        }

        /// <summary>Declares SegmentSync's groups up to <paramref name="count"/>, keeping every other declaration.</summary>
        public static List<StaticListGroup> WithOurGroups(Guid definitionId, List<StaticListGroup> groups, int count)
        {
            var result = new List<StaticListGroup>(groups);
            for (var index = Ours(definitionId, groups).Count; index < count; index++)
            {
                result.Add(new StaticListGroup
                {
                    GroupId = GroupId(definitionId, index).ToString("D"),
                    IncludeType = "Include",
                    Name = GroupNamePrefix + (index + 1).ToString(CultureInfo.InvariantCulture),
                    InputType = "manualSelect",
                });
            }

            return result;
        }
    }

    /// <summary>One static member group declaration.</summary>
    [DataContract]
    public sealed class StaticListGroup
    {
        [DataMember(Name = "groupId", Order = 1)]
        public string? GroupId { get; set; }

        [DataMember(Name = "includeType", Order = 2)]
        public string? IncludeType { get; set; }

        [DataMember(Name = "name", Order = 3)]
        public string? Name { get; set; }

        [DataMember(Name = "inputType", Order = 4)]
        public string? InputType { get; set; }
    }
}
