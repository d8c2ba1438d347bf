using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A message response: a name and named results. Typed responses read their values from <see cref="Results"/>.</summary>
public class OrganizationResponse : IExtensibleDataObject
{
    private ParameterCollection _results = new ParameterCollection();

    public OrganizationResponse()
    {
    }

    public string ResponseName { get; set; }

    /// <summary>Gets (throws <see cref="System.Collections.Generic.KeyNotFoundException"/> when missing) or sets a result.</summary>
    public object this[string parameterName]
    {
        get => Results[parameterName];
        set => Results[parameterName] = value;
    }

    public ParameterCollection Results
    {
        get => _results;
        set => _results = value;
    }

    public ExtensionDataObject ExtensionData { get; set; }

    internal T GetResult<T>(string name)
    {
        return Results.TryGetValue(name, out var value) && value != null ? (T)value : default;
    }
}
