using System;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// Gives a plug-in services whose requests run through the same pipeline at Depth+1: inside the plug-in's
/// transaction when the plug-in runs inside one (stages 20, 30, 40 synchronous, or any stage of a nested request),
/// otherwise each request in its own.
/// </summary>
internal sealed class OrganizationServiceFactory : IOrganizationServiceFactory
{
    private readonly RequestPipeline _pipeline;
    private readonly PluginExecutionContext _context;
    private readonly Transaction? _transaction;

    public OrganizationServiceFactory(RequestPipeline pipeline, PluginExecutionContext context, Transaction? transaction)
    {
        _pipeline = pipeline;
        _context = context;
        _transaction = transaction;
    }

    public IOrganizationService CreateOrganizationService(Guid? userId)
    {
        var scope = new CallScope
        {
            UserId = userId ?? _context.UserId,
            InitiatingUserId = _context.InitiatingUserId,
            Depth = _context.Depth + 1,
            Transaction = _transaction,
            ParentContext = _context,
            CorrelationId = _context.CorrelationId,
            FromPlugin = true,
        };
        return new EmulatedOrganizationService(_pipeline, scope);
    }
}
