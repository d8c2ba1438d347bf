using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A message request: a name and named parameters. Typed requests (CreateRequest, ...) keep their values in
/// <see cref="Parameters"/> under the parameter names, so a generic request with the same name and parameters is
/// equivalent.
/// </summary>
public class OrganizationRequest : IExtensibleDataObject
{
    private ParameterCollection _parameters = new ParameterCollection();

    public OrganizationRequest()
    {
    }

    public OrganizationRequest(string requestName)
    {
        RequestName = requestName;
    }

    public string RequestName { get; set; }

    /// <summary>Gets (throws <see cref="System.Collections.Generic.KeyNotFoundException"/> when missing) or sets a parameter.</summary>
    public object this[string parameterName]
    {
        get => Parameters[parameterName];
        set => Parameters[parameterName] = value;
    }

    public ParameterCollection Parameters
    {
        get => _parameters;
        set => _parameters = value;
    }

    public Guid? RequestId { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    internal T GetParameter<T>(string name)
    {
        return Parameters.TryGetValue(name, out var value) && value != null ? (T)value : default;
    }
}
