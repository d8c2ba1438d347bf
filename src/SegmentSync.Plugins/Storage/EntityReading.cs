using System;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Plugins.Storage
{
    /// <summary>Typed reads of attribute values, tolerant of the shapes Dataverse returns.</summary>
    internal static class EntityReading
    {
        public static Guid? GuidFromText(this Entity entity, string attribute) =>
            Guid.TryParse(entity.GetAttributeValue<string>(attribute), out var id) ? id : (Guid?)null;

        public static int Int(this Entity entity, string attribute) => entity.GetAttributeValue<int?>(attribute) ?? 0;

        public static DateTime? Utc(this Entity entity, string attribute)
        {
            var value = entity.GetAttributeValue<DateTime?>(attribute);
            return value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : (DateTime?)null;
        }

        public static int? Option(this Entity entity, string attribute) => entity.GetAttributeValue<OptionSetValue>(attribute)?.Value;

        public static string? Text(Guid? id) => id?.ToString("D");
    }
}
