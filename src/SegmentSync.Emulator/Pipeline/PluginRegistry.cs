using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>Plug-in steps and Custom APIs, checked at registration the way the Plug-in Registration Tool would.</summary>
public sealed class PluginRegistry
{
    private readonly object _gate = new();
    private readonly List<RegisteredStep> _steps = new();
    private readonly ConcurrentDictionary<string, (CustomApiDefinition Api, RegisteredStep Main)> _apis = new(StringComparer.OrdinalIgnoreCase);
    private long _order;

    /// <summary>All Custom APIs.</summary>
    public IEnumerable<CustomApiDefinition> CustomApis => _apis.Values.Select(v => v.Api);

    /// <summary>All steps (not including Custom APIs' main plug-ins).</summary>
    public IReadOnlyList<StepRegistration> Steps
    {
        get { lock (_gate) return _steps.Select(s => s.Registration).ToList(); }
    }

    /// <summary>
    /// Registers a Custom API whose plug-in runs as the main operation (stage 30), synchronously, inside the transaction.
    /// </summary>
    public void RegisterCustomApi(CustomApiDefinition api, Func<IPlugin> pluginFactory)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(pluginFactory);
        if (string.IsNullOrWhiteSpace(api.UniqueName)) throw new ArgumentException("A Custom API needs a unique name.", nameof(api));
        var names = api.RequestParameters.Select(p => p.UniqueName).Concat(api.ResponseProperties.Select(p => "out:" + p.UniqueName)).ToList();
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
            throw new ArgumentException($"Custom API {api.UniqueName} declares a parameter or property twice.", nameof(api));
        var main = new RegisteredStep(
            new StepRegistration(api.UniqueName, api.BoundEntityLogicalName, PipelineStage.MainOperation) { Name = api.UniqueName },
            pluginFactory,
            Interlocked.Increment(ref _order));
        if (!_apis.TryAdd(api.UniqueName, (api, main))) throw new ArgumentException($"Custom API {api.UniqueName} is already registered.", nameof(api));
    }

    /// <summary>Registers a plug-in step; <paramref name="pluginFactory"/> is called once, on first use.</summary>
    public void RegisterStep(StepRegistration step, Func<IPlugin> pluginFactory)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(pluginFactory);
        Validate(step);
        lock (_gate) _steps.Add(new RegisteredStep(step, pluginFactory, Interlocked.Increment(ref _order)));
    }

    /// <summary>
    /// Registers <paramref name="step"/> in place of the step with the same <see cref="StepRegistration.Id"/>, if any
    /// (a changed sdkmessageprocessingstep record); the step then runs after those registered before it.
    /// </summary>
    public void ReplaceStep(StepRegistration step, Func<IPlugin> pluginFactory)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(pluginFactory);
        Validate(step);
        lock (_gate)
        {
            _steps.RemoveAll(s => s.Registration.Id == step.Id);
            _steps.Add(new RegisteredStep(step, pluginFactory, Interlocked.Increment(ref _order)));
        }
    }

    /// <summary>Unregisters the step with id <paramref name="stepId"/>; false when there is none.</summary>
    public bool RemoveStep(Guid stepId)
    {
        lock (_gate) return _steps.RemoveAll(s => s.Registration.Id == stepId) > 0;
    }

    /// <summary>The Custom API named <paramref name="name"/>, with its plug-in, if registered.</summary>
    internal bool TryGetCustomApi(string name, out CustomApiDefinition api, out RegisteredStep main)
    {
        if (_apis.TryGetValue(name, out var entry))
        {
            (api, main) = entry;
            return true;
        }

        api = null!;
        main = null!;
        return false;
    }

    /// <summary>The steps to run, in execution order.</summary>
    internal IReadOnlyList<RegisteredStep> StepsFor(string message, string? entity, PipelineStage stage, StepMode mode)
    {
        lock (_gate)
        {
            return _steps.Where(s => s.Matches(message, entity, stage, mode))
                .OrderBy(s => s.Registration.Rank)
                .ThenBy(s => s.Order)
                .ToList();
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="step"/> could not be registered.</summary>
    internal void Check(StepRegistration step) => Validate(step);

    private void Validate(StepRegistration step)
    {
        if (string.IsNullOrWhiteSpace(step.MessageName)) throw new ArgumentException("A step needs a message.", nameof(step));
        if ((PipelineStage)step.Stage is not (PipelineStage.PreValidation or PipelineStage.PreOperation or PipelineStage.PostOperation))
            throw new ArgumentException("Steps run at stage 10, 20 or 40; stage 30 belongs to the message itself.", nameof(step));
        if (step.Mode == StepMode.Asynchronous && step.Stage != (int)PipelineStage.PostOperation)
            throw new ArgumentException("Asynchronous steps must be registered on the post-operation stage (40).", nameof(step));
        if (step.PostImageAttributes is not null && step.Stage != (int)PipelineStage.PostOperation)
            throw new ArgumentException("Post-images are only available in the post-operation stage (40).", nameof(step));
        var message = step.MessageName;
        if (step.PreImageAttributes is not null && !IsOneOf(message, "Update", "Delete"))
            throw new ArgumentException($"Pre-images are available for Update and Delete, not {message}.", nameof(step));
        if (step.PostImageAttributes is not null && !IsOneOf(message, "Create", "Update"))
            throw new ArgumentException($"Post-images are available for Create and Update, not {message}.", nameof(step));
        if (_apis.TryGetValue(message, out var api))
        {
            var allowed = api.Api.AllowedCustomProcessingStepType;
            if (allowed == CustomProcessingStepType.None || (allowed == CustomProcessingStepType.AsyncOnly && step.Mode == StepMode.Synchronous))
                throw new ArgumentException($"Custom API {message} allows {allowed} processing steps; this step is {step.Mode}.", nameof(step));
        }
    }

    private static bool IsOneOf(string message, params string[] names) => names.Contains(message, StringComparer.OrdinalIgnoreCase);
}
