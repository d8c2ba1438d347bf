namespace SegmentSync.Plugins.Schema
{
    /// <summary>Dataverse's user table: SegmentSync records who started a run and who released a segment.</summary>
    public static class SystemUserTable
    {
        public const string LogicalName = "systemuser";
    }
}
