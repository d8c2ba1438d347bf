using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// The main operation (stage 30) of one message. Plug-in steps registered on the message run around it; the
/// executor runs inside the request's transaction, so throwing rolls back everything the request did.
/// </summary>
public interface IMessageExecutor
{
    /// <summary>The message (request name) this executor handles.</summary>
    string MessageName { get; }

    /// <summary>Performs the operation; read parameters from <paramref name="request"/>.Parameters.</summary>
    OrganizationResponse Execute(OrganizationRequest request, MessageContext context);
}
