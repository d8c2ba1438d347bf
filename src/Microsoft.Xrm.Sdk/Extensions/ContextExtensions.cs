namespace Microsoft.Xrm.Sdk.Extensions;

public static class ContextExtensions
{
    /// <summary>The input parameter as <typeparamref name="T"/>, or default when it is missing or of another type.</summary>
    public static T InputParameterOrDefault<T>(this IPluginExecutionContext context, string key)
    {
        if (context?.InputParameters == null) return default;
        return context.InputParameters.TryGetValue<T>(key, out var value) ? value : default;
    }
}
