using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace SegmentSync.Emulator;

/// <summary>Disassociate: removes N:N intersect rows, or clears 1:N lookups that point at the target.</summary>
internal sealed class DisassociateExecutor : IMessageExecutor
{
    public string MessageName => "Disassociate";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        AssociationWriter.Apply(request, context, associate: false);
        return new DisassociateResponse();
    }
}
