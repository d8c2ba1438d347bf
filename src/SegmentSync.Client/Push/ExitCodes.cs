namespace SegmentSync.Client.Push;

/// <summary>segsync push's exit codes (documented in README.md).</summary>
public static class ExitCodes
{
    /// <summary>Every selected segment was applied, or skipped by rule (draft/inactive source, older export); a dry run finished.</summary>
    public const int Success = 0;

    /// <summary>Invalid command line, or an unexpected error.</summary>
    public const int UsageOrUnexpected = 1;

    /// <summary>The input cannot be used (missing column, bad GUIDs, wrong delimiter, empty file, bad manifest). Nothing was sent.</summary>
    public const int InvalidInput = 2;

    /// <summary>The service refused a request (HTTP 4xx other than 401/403/429). Retrying the same will not help.</summary>
    public const int Refused = 3;

    /// <summary>Sign-in failed or was refused (no token, bad credentials, HTTP 401/403, missing privilege).</summary>
    public const int AuthenticationFailed = 4;

    /// <summary>The service stayed unavailable after retries (network, timeouts, 429, 5xx). Run the same command again: it resumes.</summary>
    public const int Unavailable = 5;
}
