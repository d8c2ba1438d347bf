namespace SegmentSync.Plugins.Schema
{
    /// <summary>A Custom API request parameter or response property.</summary>
    public sealed class ApiField
    {
        public ApiField(string uniqueName, ApiFieldType type, bool isOptional, string description)
        {
            UniqueName = uniqueName;
            Type = type;
            IsOptional = isOptional;
            Description = description;
        }

        public string UniqueName { get; }
        public ApiFieldType Type { get; }
        public bool IsOptional { get; }
        public string Description { get; }
    }
}
