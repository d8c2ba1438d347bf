using System;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// A step with its plug-in. The plug-in is created once, on first use, and then reused for every execution, as
/// Dataverse caches plug-in instances: a plug-in that keeps state in fields is wrong there and is wrong here.
/// </summary>
internal sealed class RegisteredStep
{
    private readonly Lazy<IPlugin> _plugin;

    public RegisteredStep(StepRegistration registration, Func<IPlugin> factory, long order)
    {
        Registration = registration;
        Order = order;
        _plugin = new Lazy<IPlugin>(() => factory() ?? throw new InvalidOperationException("The plug-in factory returned null."), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public StepRegistration Registration { get; }

    /// <summary>Registration order, the tie-breaker after rank.</summary>
    public long Order { get; }

    public IPlugin Plugin => _plugin.Value;

    public string DisplayName => Registration.Name ?? Plugin.GetType().FullName ?? Plugin.GetType().Name;

    /// <summary>True when this step applies to <paramref name="message"/> on <paramref name="entity"/>.</summary>
    public bool Matches(string message, string? entity, PipelineStage stage, StepMode mode)
    {
        var stepEntity = Registration.PrimaryEntity is null or "" or "none" ? null : Registration.PrimaryEntity;
        return Registration.Stage == (int)stage
            && Registration.Mode == mode
            && string.Equals(Registration.MessageName, message, StringComparison.OrdinalIgnoreCase)
            && (stepEntity is null || stepEntity == entity);
    }

    /// <summary>Update filtering attributes: run only when the Target changes one of them.</summary>
    public bool PassesFilter(string message, ParameterCollection input)
    {
        var filter = Registration.FilteringAttributes;
        if (filter is null || filter.Count == 0 || !string.Equals(message, "Update", StringComparison.OrdinalIgnoreCase)) return true;
        return input.TryGetValue("Target", out var target) && target is Entity entity && filter.Any(entity.Attributes.ContainsKey);
    }
}
