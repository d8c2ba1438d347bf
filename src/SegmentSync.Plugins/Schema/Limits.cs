namespace SegmentSync.Plugins.Schema
{
    /// <summary>Limits SegmentSync enforces or works within, each with its reason.</summary>
    public static class Limits
    {
        /// <summary>Ids per call: keeps one call's payload, parsing and existence checks small.</summary>
        public const int MaxContactIdsPerCall = 10000;

        /// <summary>msdyncrm_segmentname and our external id columns are 100 characters.</summary>
        public const int MaxNameLength = 100;
        public const int MaxExternalIdLength = 100;
        public const int MaxUrlLength = 2000;

        /// <summary>An export dated further ahead of the server clock than this is rejected as a clock error.</summary>
        public const int MaxExportedOnSkewMinutes = 60;

        /// <summary>Batches of one import; with 10,000 ids each this allows 10,000,000 ids.</summary>
        public const int MaxBatchCount = 1000;

        /// <summary>Rows per RetrieveMultiple page: Dataverse's maximum page size.</summary>
        public const int QueryPageSize = 5000;

        /// <summary>Ids per existence check (one query with an In condition; one page of results).</summary>
        public const int ExistenceCheckChunk = 5000;

        /// <summary>Staged batch rows read per page: each holds up to ~215,000 characters of ids (~11 MB a page).</summary>
        public const int StagedBatchPageSize = 50;

        /// <summary>Ids per plan slice record (compact form ~22 characters per id, within a 1,048,576-character memo).</summary>
        public const int PlanSliceIds = 40000;

        /// <summary>Staged ids column: the largest memo Dataverse allows.</summary>
        public const int StagedIdsMaxLength = 1048576;

        /// <summary>
        /// Dataverse requests one Custom API call may issue by default. At ~100 ms a request (10x what the emulator
        /// needs) a call stays under a minute, half of the 2-minute plug-in limit.
        /// </summary>
        public const int DefaultRequestBudget = 400;

        /// <summary>
        /// Refresh runs one segsync_RefreshSegments call starts at most; a refresh of more segments continues in the
        /// next call (with the RefreshStartedOn the first returned).
        /// </summary>
        public const int RefreshRunsPerCall = 100;

        /// <summary>Requests kept back from the budget for the writes that close a call (run, segment, cleanup).</summary>
        public const int FinalizeReserve = 8;
    }
}
