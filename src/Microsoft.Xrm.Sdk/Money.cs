using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A currency amount. Equal to another <see cref="Money"/> with the same <see cref="Value"/>.</summary>
public sealed class Money : IExtensibleDataObject
{
    public Money()
    {
    }

    public Money(decimal value)
    {
        Value = value;
    }

    public decimal Value { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public override bool Equals(object obj) => obj is Money other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();
}
