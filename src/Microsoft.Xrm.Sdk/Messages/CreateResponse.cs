using System;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the Create message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class CreateResponse : OrganizationResponse
{
    public CreateResponse()
    {
        ResponseName = "Create";
    }

    public Guid id => GetResult<Guid>("id");
}
