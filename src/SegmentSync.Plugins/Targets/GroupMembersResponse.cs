using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using SegmentSync.Plugins.Domain;

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

            GroupMembersResponse? response;
            try
            {
                using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(json)))
                {
                    response = (GroupMembersResponse?)new DataContractJsonSerializer(typeof(GroupMembersResponse)).ReadObject(stream);
                }
            }
            catch (Exception e) when (e is SerializationException || e is ArgumentException || e is InvalidOperationException || e is FormatException || e is System.Xml.XmlException || e is InvalidCastException)
            {
                throw new SegmentSyncDataException("msdynmkt_ListGroupMembers returned a Response that is not the JSON object SegmentSync reads ({\"entityIds\": [...]}): " + e.Message, e);
            }

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
