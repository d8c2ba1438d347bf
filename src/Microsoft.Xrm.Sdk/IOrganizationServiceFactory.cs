using System;

namespace Microsoft.Xrm.Sdk;

public interface IOrganizationServiceFactory
{
    /// <summary>A service acting as the given user; null means the user the plug-in step runs as.</summary>
    IOrganizationService CreateOrganizationService(Guid? userId);
}
