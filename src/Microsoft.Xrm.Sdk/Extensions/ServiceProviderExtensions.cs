using System;

namespace Microsoft.Xrm.Sdk.Extensions;

public static class ServiceProviderExtensions
{
    /// <summary>The service of type <typeparamref name="T"/> from the provider (null/default when it has none).</summary>
    public static T Get<T>(this IServiceProvider serviceProvider)
    {
        if (serviceProvider == null) throw new ArgumentNullException(nameof(serviceProvider));
        var service = serviceProvider.GetService(typeof(T));
        return service == null ? default : (T)service;
    }

    /// <summary>An organization service acting as <paramref name="userId"/>, from the provider's IOrganizationServiceFactory.</summary>
    public static IOrganizationService GetOrganizationService(this IServiceProvider serviceProvider, Guid userId)
    {
        var factory = serviceProvider.Get<IOrganizationServiceFactory>()
            ?? throw new InvalidOperationException("The service provider has no IOrganizationServiceFactory.");
        return factory.CreateOrganizationService(userId);
    }
}
