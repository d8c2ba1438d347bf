using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>An attribute value returned from a linked entity or an aggregate, under an alias.</summary>
public sealed class AliasedValue : IExtensibleDataObject
{
    public AliasedValue()
    {
    }

    public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
    {
        EntityLogicalName = entityLogicalName;
        AttributeLogicalName = attributeLogicalName;
        Value = value;
    }

    public string AttributeLogicalName { get; private set; }

    public string EntityLogicalName { get; private set; }

    public object Value { get; private set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
