using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>Pre/post entity images of a plug-in execution context, keyed by image alias.</summary>
public class EntityImageCollection : DataCollection<string, Entity>
{
    public EntityImageCollection()
    {
    }

    public EntityImageCollection(IDictionary<string, Entity> dictionary)
        : base(dictionary)
    {
    }
}
