namespace SegmentSync.Plugins.Schema
{
    /// <summary>Dataverse's environment variable tables: only what SegmentSync reads.</summary>
    public static class EnvironmentVariableTables
    {
        public const string Definition = "environmentvariabledefinition";
        public const string DefinitionId = "environmentvariabledefinitionid";
        public const string SchemaName = "schemaname";
        public const string DefaultValue = "defaultvalue";
        public const string Value = "environmentvariablevalue";
        public const string ValueId = "environmentvariablevalueid";
        public const string ValueColumn = "value";
    }
}
