namespace SegmentSync.Plugins.Schema
{
    /// <summary>The Dataverse contact table: only what SegmentSync reads.</summary>
    public static class ContactTable
    {
        public const string LogicalName = "contact";
        public const string PrimaryId = "contactid";
    }
}
