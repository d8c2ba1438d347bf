using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>Reads request parameters by name, with the fault Dataverse gives for a missing or mistyped one.</summary>
public static class RequestParameters
{
    /// <summary>The parameter <paramref name="name"/> as <typeparamref name="T"/>; a fault when missing or of another type.</summary>
    public static T Required<T>(OrganizationRequest request, string name)
    {
        if (!request.Parameters.TryGetValue(name, out var value) || value is null)
            throw DataverseFault.InvalidArgument($"Required field '{name}' is missing");
        return value is T typed
            ? typed
            : throw DataverseFault.InvalidArgument($"The parameter '{name}' must be a {typeof(T).Name}, not a {value.GetType().Name}.");
    }

    /// <summary>The parameter <paramref name="name"/> as <typeparamref name="T"/>, or default when missing.</summary>
    public static T? Optional<T>(OrganizationRequest request, string name)
    {
        if (!request.Parameters.TryGetValue(name, out var value) || value is null) return default;
        return value is T typed
            ? typed
            : throw DataverseFault.InvalidArgument($"The parameter '{name}' must be a {typeof(T).Name}, not a {value.GetType().Name}.");
    }
}
