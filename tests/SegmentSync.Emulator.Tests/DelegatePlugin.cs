using System;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator.Tests;

/// <summary>A plug-in whose body is a lambda receiving the context, tracing and a service for the calling user.</summary>
internal sealed class DelegatePlugin : IPlugin
{
    private readonly Action<IPluginExecutionContext, IOrganizationService, ITracingService, IOrganizationServiceFactory> _body;

    public DelegatePlugin(Action<IPluginExecutionContext, IOrganizationService, ITracingService, IOrganizationServiceFactory> body)
    {
        _body = body;
    }

    public DelegatePlugin(Action<IPluginExecutionContext, IOrganizationService> body)
        : this((context, service, _, _) => body(context, service))
    {
    }

    public DelegatePlugin(Action<IPluginExecutionContext> body)
        : this((context, _, _, _) => body(context))
    {
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        _body(context, factory.CreateOrganizationService(context.UserId), tracing, factory);
    }
}
