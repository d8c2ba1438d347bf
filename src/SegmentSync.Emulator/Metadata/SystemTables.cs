namespace SegmentSync.Emulator;

/// <summary>The platform tables every emulated organization has.</summary>
public static class SystemTables
{
    /// <summary>systemuser: the users requests run as.</summary>
    public const string SystemUser = "systemuser";

    /// <summary>businessunit: the organization's root business unit.</summary>
    public const string BusinessUnit = "businessunit";

    /// <summary>organization: the one organization row.</summary>
    public const string Organization = "organization";

    /// <summary>asyncoperation: system jobs (BulkDelete records one, already completed).</summary>
    public const string AsyncOperation = "asyncoperation";

    /// <summary>asyncoperation.operationtype of a bulk delete job.</summary>
    public const int BulkDeleteOperationType = 13;

    /// <summary>asyncoperation statecode Completed.</summary>
    public const int AsyncStateCompleted = 3;

    /// <summary>asyncoperation statuscode Succeeded.</summary>
    public const int AsyncStatusSucceeded = 30;

    /// <summary>Registers the platform tables.</summary>
    internal static void AddTo(MetadataRegistry metadata)
    {
        metadata.AddTable(new TableDefinition(BusinessUnit, "businessunitid", "name", "businessunits"));
        metadata.AddTable(new TableDefinition(Organization, "organizationid", "name", "organizations"));
        metadata.AddTable(new TableDefinition(SystemUser, "systemuserid", "fullname", "systemusers")
            .String("firstname", 64)
            .String("lastname", 64)
            .String("domainname", 1024)
            .Lookup("businessunitid", BusinessUnit));
        metadata.AddTable(new TableDefinition(AsyncOperation, "asyncoperationid", "name", "asyncoperations")
            .Integer("operationtype")
            .Memo("message", 1048576)
            .DateTime("completedon")
            .StateStatus(
                (0, 0, true), (1, 10, true), (2, 20, true), (2, 21, false), (2, 22, false),
                (AsyncStateCompleted, AsyncStatusSucceeded, true), (AsyncStateCompleted, 31, false), (AsyncStateCompleted, 32, false)));
    }
}
