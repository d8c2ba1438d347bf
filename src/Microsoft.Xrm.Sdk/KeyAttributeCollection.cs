using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>Alternate-key attribute values of an <see cref="Entity"/> or <see cref="EntityReference"/>.</summary>
public sealed class KeyAttributeCollection : DataCollection<string, object>
{
    public KeyAttributeCollection()
    {
    }

    public KeyAttributeCollection(IDictionary<string, object> dictionary)
        : base(dictionary)
    {
    }
}
