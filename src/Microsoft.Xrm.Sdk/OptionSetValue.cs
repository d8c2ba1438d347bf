using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A choice (option set) value. Equal to another <see cref="OptionSetValue"/> with the same <see cref="Value"/>.</summary>
public sealed class OptionSetValue : IExtensibleDataObject
{
    public OptionSetValue()
    {
    }

    public OptionSetValue(int value)
    {
        Value = value;
    }

    public int Value { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public override bool Equals(object obj) => obj is OptionSetValue other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();
}
