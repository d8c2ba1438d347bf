using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>The JSON text msdynmkt_ListGroupMembers returns in its Response property.</summary>
    [DataContract]
    public sealed class GroupMembersResponse
    {
        [DataMember(Name = "entityIds")]
        public List<string>? EntityIds { get; set; }

        public static List<Guid> ParseIds(string? json)
        {
            var ids = new List<Guid>();
            if (string.IsNullOrWhiteSpace(json))
            {
                return ids;
            }

            var response = JsonContract.Read<GroupMembersResponse>(json!,
                "msdynmkt_ListGroupMembers returned a Response that is not the JSON object SegmentSync reads ({\"entityIds\": [...]}): ");

            foreach (var text in response?.EntityIds ?? new List<string>())
            {
                if (Guid.TryParse(text, out var id))
                {
                    ids.Add(id);
                }
            }

            return ids;
        }
    }
}
