using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace SegmentSync.Emulator;

/// <summary>Associate: links records through an N:N (intersect row) or 1:N (lookup) relationship.</summary>
internal sealed class AssociateExecutor : IMessageExecutor
{
    public string MessageName => "Associate";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        AssociationWriter.Apply(request, context, associate: true);
        return new AssociateResponse();
    }
}
