using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// The main operation of a Custom API: checks the request against the API's parameters (missing required ones and
/// wrong types are faults naming the parameter), runs the API's plug-in at stage 30 inside the transaction, and
/// returns the response properties the plug-in set (unset ones are absent).
/// </summary>
internal sealed class CustomApiExecutor : IMessageExecutor
{
    private readonly CustomApiDefinition _api;
    private readonly RegisteredStep _main;

    public CustomApiExecutor(CustomApiDefinition api, RegisteredStep main)
    {
        _api = api;
        _main = main;
    }

    public string MessageName => _api.UniqueName;

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        context.Dataverse.Security.DemandExecute(context.UserId, _api);
        CheckRequest(request, context);
        context.Dataverse.Pipeline.InvokeMainOperation(_main, context.Run);
        var output = context.Run.Output;
        var response = new OrganizationResponse { ResponseName = _api.UniqueName };
        foreach (var property in _api.ResponseProperties)
        {
            if (!output.TryGetValue(property.UniqueName, out var value) || value is null) continue;
            if (!CustomApiTypes.Matches(property.Type, value))
            {
                throw DataverseFault.InvalidArgument(
                    $"The response property '{property.UniqueName}' of {_api.UniqueName} must be of type {property.Type}, but the plug-in set a {value.GetType().Name}.");
            }

            response.Results[property.UniqueName] = ParameterCloner.CloneValue(value);
        }

        // Properties the API does not declare never reach the caller.
        foreach (var key in output.Keys.ToList()) output.Remove(key);
        return response;
    }

    private void CheckRequest(OrganizationRequest request, MessageContext context)
    {
        var declared = new HashSet<string>(_api.RequestParameters.Select(p => p.UniqueName), StringComparer.Ordinal);
        if (_api.BoundEntityLogicalName is string bound)
        {
            var target = RequestParameters.Required<EntityReference>(request, "Target");
            if (target.LogicalName != bound) throw DataverseFault.InvalidArgument($"{_api.UniqueName} is bound to {bound}, not {target.LogicalName}.");
            if (!context.Exists(bound, target.Id)) throw DataverseFault.DoesNotExist(bound, target.Id);
            declared.Add("Target");
        }

        foreach (var parameter in _api.RequestParameters)
        {
            var present = request.Parameters.TryGetValue(parameter.UniqueName, out var value) && value is not null;
            if (!present && !parameter.IsOptional)
                throw DataverseFault.InvalidArgument($"Required parameter '{parameter.UniqueName}' of {_api.UniqueName} is missing.");
            if (present && !CustomApiTypes.Matches(parameter.Type, value!))
            {
                throw DataverseFault.InvalidArgument(
                    $"The parameter '{parameter.UniqueName}' of {_api.UniqueName} must be of type {parameter.Type}, not {value!.GetType().Name}.");
            }
        }

        foreach (var name in request.Parameters.Keys)
        {
            if (!declared.Contains(name) && name != "tag")
                throw DataverseFault.InvalidArgument($"The parameter '{name}' is not declared by {_api.UniqueName}.");
        }
    }
}
