using System;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response of the CreateMultiple message. Properties read <see cref="OrganizationResponse.Results"/> under their own names.</summary>
public sealed class CreateMultipleResponse : OrganizationResponse
{
    public CreateMultipleResponse()
    {
        ResponseName = "CreateMultiple";
    }

    public Guid[] Ids => GetResult<Guid[]>("Ids");
}
