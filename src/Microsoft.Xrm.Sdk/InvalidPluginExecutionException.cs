using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Thrown by a plug-in to cancel the operation and show <see cref="Exception.Message"/> to the caller.
/// <see cref="Status"/> defaults to <see cref="OperationStatus.Failed"/>, <see cref="ErrorCode"/> to
/// 0x80040265 (ISV code aborted the operation) and <see cref="HttpStatus"/> to <see cref="PluginHttpStatusCode.NotSet"/>.
/// </summary>
[Serializable]
public sealed class InvalidPluginExecutionException : Exception, ISerializable
{
    private const int IsvAbortedErrorCode = unchecked((int)0x80040265);

    public InvalidPluginExecutionException()
        : this(OperationStatus.Failed, IsvAbortedErrorCode, null, PluginHttpStatusCode.NotSet)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status)
        : this(status, IsvAbortedErrorCode, null, PluginHttpStatusCode.NotSet)
    {
    }

    public InvalidPluginExecutionException(string message)
        : this(OperationStatus.Failed, IsvAbortedErrorCode, message, PluginHttpStatusCode.NotSet)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, string message)
        : this(status, IsvAbortedErrorCode, message, PluginHttpStatusCode.NotSet)
    {
    }

    public InvalidPluginExecutionException(string message, Exception inner)
        : base(message, inner)
    {
        Status = OperationStatus.Failed;
        ErrorCode = IsvAbortedErrorCode;
        HttpStatus = PluginHttpStatusCode.NotSet;
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
        : this(status, errorCode, message, PluginHttpStatusCode.NotSet)
    {
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
        : this(OperationStatus.Failed, IsvAbortedErrorCode, message, httpStatus)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        HttpStatus = httpStatus;
    }

#if !NET8_0_OR_GREATER
    private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
        : base(info, context)
    {
        Status = (OperationStatus)info.GetInt32(nameof(Status));
        ErrorCode = info.GetInt32(nameof(ErrorCode));
        HttpStatus = (PluginHttpStatusCode)info.GetInt32(nameof(HttpStatus));
    }
#endif

    public OperationStatus Status { get; private set; }

    public int ErrorCode { get; private set; }

    public PluginHttpStatusCode HttpStatus { get; private set; }

#if NET8_0_OR_GREATER
    [Obsolete("Formatter-based serialization is obsolete.", DiagnosticId = "SYSLIB0051")]
#endif
    public override void GetObjectData(SerializationInfo info, StreamingContext context)
    {
        base.GetObjectData(info, context);
        info.AddValue(nameof(Status), (int)Status);
        info.AddValue(nameof(ErrorCode), ErrorCode);
        info.AddValue(nameof(HttpStatus), (int)HttpStatus);
    }
}
