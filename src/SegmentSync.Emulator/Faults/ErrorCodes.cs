namespace SegmentSync.Emulator;

/// <summary>
/// The Dataverse error codes the emulator raises. Values are the ones in Microsoft's "Web service error codes"
/// reference unless a comment says the choice is ours (docs/EMULATOR.md lists those).
/// </summary>
public static class ErrorCodes
{
    /// <summary>0x80040217: "&lt;entity&gt; With Id = &lt;id&gt; Does Not Exist".</summary>
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);

    /// <summary>0x80040237: "Cannot insert duplicate key." (primary key or N:N association already present).</summary>
    public const int DuplicateRecord = unchecked((int)0x80040237);

    /// <summary>0x80060892: an alternate key's values are already used by another record.</summary>
    public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);

    /// <summary>0x80044331: a string or memo value is longer than the column allows.</summary>
    public const int StringLengthTooLong = unchecked((int)0x80044331);

    /// <summary>0x8004431A: a number or option value outside the column's valid range.</summary>
    public const int ValueOutOfRange = unchecked((int)0x8004431A);

    /// <summary>0x80040200: a required column has no value (our choice of code for system-required columns).</summary>
    public const int RequiredFieldMissing = unchecked((int)0x80040200);

    /// <summary>0x80040203: an argument of the wrong type or shape.</summary>
    public const int InvalidArgument = unchecked((int)0x80040203);

    /// <summary>0x80041103: "'x' entity doesn't contain attribute with Name = 'y'".</summary>
    public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);

    /// <summary>0x80041102: the entity is not in the metadata.</summary>
    public const int QueryBuilderNoEntity = unchecked((int)0x80041102);

    /// <summary>0x80048408: statuscode does not belong to statecode.</summary>
    public const int InvalidStateCodeStatusCode = unchecked((int)0x80048408);

    /// <summary>A statuscode change that the table's allowed transitions do not permit (code as in Microsoft's common error list: InvalidStateTransition).</summary>
    public const int InvalidStateTransition = -2147160050;

    /// <summary>0x80040233: the record is not in a state that allows the operation.</summary>
    public const int InvalidState = unchecked((int)0x80040233);

    /// <summary>0x80040265: a plug-in threw InvalidPluginExecutionException.</summary>
    public const int IsvAborted = unchecked((int)0x80040265);

    /// <summary>0x80040224: a plug-in threw any other exception.</summary>
    public const int PluginUnexpected = unchecked((int)0x80040224);

    /// <summary>0x80040227: a restrict relationship blocks the delete.</summary>
    public const int CannotDeleteDueToAssociation = unchecked((int)0x80040227);

    /// <summary>0x80040251: "There is no active transaction" (a plug-in swallowed a failed call and went on).</summary>
    public const int TransactionNotStarted = -2147220911;

    /// <summary>"ISV code reduced the open transaction count" (a plug-in swallowed a failed call and returned).</summary>
    public const int IsvReducedTransactionCount = -2146893812;

    /// <summary>0x80040216: unexpected error; we use it for the depth limit (infinite loop) too.</summary>
    public const int UnExpected = unchecked((int)0x80040216);

    /// <summary>0x80040315: the request (message) or an option of it is not supported.</summary>
    public const int NotSupported = -2147220715;

    /// <summary>0x8004E023: an aggregate query touched more than 50,000 records.</summary>
    public const int AggregateQueryRecordLimitExceeded = unchecked((int)0x8004E023);

    /// <summary>0x80044151: "Sql error: Execution Timeout Expired" — the transient error FaultInjector raises by default.</summary>
    public const int SqlTimeout = -2147204783;

    /// <summary>A paging or batch limit was exceeded (our choice of code: InvalidArgument).</summary>
    public const int LimitExceeded = InvalidArgument;

    /// <summary>0x80040220: the caller lacks a privilege ("Principal user ... is missing prv... privilege").</summary>
    public const int PrivilegeDenied = unchecked((int)0x80040220);

    /// <summary>0x80040257: the caller is not a known user.</summary>
    public const int InvalidCaller = -2147220905;
}
