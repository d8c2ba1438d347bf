namespace SegmentSync.Plugins.Schema
{
    /// <summary>Type codes of environment variable definitions (environmentvariabledefinition.type).</summary>
    public enum SettingType
    {
        String = 100000000,
        Number = 100000001,
        Boolean = 100000002,
        Json = 100000003,
    }

    /// <summary>A setting SegmentSync reads from a Dataverse environment variable, with its default.</summary>
    public sealed class SettingDescriptor
    {
        public SettingDescriptor(string schemaName, string displayName, string description, SettingType type, string defaultValue)
        {
            SchemaName = schemaName;
            DisplayName = displayName;
            Description = description;
            Type = type;
            DefaultValue = defaultValue;
        }

        public string SchemaName { get; }
        public string DisplayName { get; }
        public string Description { get; }
        public SettingType Type { get; }
        public string DefaultValue { get; }
    }
}
