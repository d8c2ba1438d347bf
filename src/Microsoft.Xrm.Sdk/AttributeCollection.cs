using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>The attributes of an <see cref="Entity"/>, keyed by logical name (case-sensitive).</summary>
public sealed class AttributeCollection : DataCollection<string, object>
{
    public AttributeCollection()
    {
    }

    public AttributeCollection(IDictionary<string, object> dictionary)
        : base(dictionary)
    {
    }
}
