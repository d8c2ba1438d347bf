using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>Request parameters, response results and execution-context parameters, keyed by name (case-sensitive).</summary>
public class ParameterCollection : DataCollection<string, object>
{
    public ParameterCollection()
    {
    }

    public ParameterCollection(IDictionary<string, object> dictionary)
        : base(dictionary)
    {
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> unless the value is null (then nothing changes).</summary>
    public void AddOrUpdateIfNotNull(string key, object value)
    {
        if (value != null) this[key] = value;
    }

    /// <summary>True when the key is present and its value is a <typeparamref name="T"/>; otherwise false and default.</summary>
    public bool TryGetValue<T>(string key, out T value)
    {
        if (base.TryGetValue(key, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }
}
