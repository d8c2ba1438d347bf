using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.LocalEnvironment.Client;

/// <summary>
/// When <see cref="SegmentImportClient"/> sends a call again: a transient failure (a SQL timeout or deadlock, service
/// protection, a lost connection or response) is retried up to <see cref="MaxAttempts"/> times, each retry tagged
/// (<see cref="Plugins.Schema.RetryTag"/>) so that the run history records it. Refusals (a bad request, a missing
/// privilege, a blocked change) are never retried: sending them again cannot help.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Dataverse error codes that mean "try again": SQL timeout, generic SQL error, deadlock, service protection limits.</summary>
    public static readonly IReadOnlySet<int> TransientErrorCodes = new HashSet<int>
    {
        -2147204783, // 0x80044151 SQL timeout
        -2147204784, // 0x80044150 generic SQL error
        -2147204782, // 0x80044152 SQL deadlock (our reading of the SQL error range)
        -2147015902, // 0x80072322 service protection: number of requests
        -2147015903, // 0x80072321 service protection: execution time
        -2147015898, // 0x80072326 service protection: concurrent requests
    };

    /// <summary>No retry: every failure reaches the caller.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts per call, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Wait before retry n (1-based); none by default (the emulator needs none).</summary>
    public Func<int, TimeSpan> Delay { get; init; } = _ => TimeSpan.Zero;

    /// <summary>Called for every failed attempt that is retried: the attempt that failed and why.</summary>
    public Action<int, Exception>? OnRetry { get; init; }

    /// <summary>True for a failure that a later attempt may not meet.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        FaultException<OrganizationServiceFault> fault => TransientErrorCodes.Contains(fault.Detail.ErrorCode),
        TimeoutException or CommunicationException => true,
        _ => false,
    };

    /// <summary>The Dataverse error code of a failure, 0 when there is none (a timeout, a lost connection).</summary>
    public static int ErrorCode(Exception error) => error is FaultException<OrganizationServiceFault> fault ? fault.Detail.ErrorCode : 0;
}
