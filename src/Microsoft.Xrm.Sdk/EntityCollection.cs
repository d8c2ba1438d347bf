using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A page of records returned by RetrieveMultiple, with its paging state.</summary>
public sealed class EntityCollection : IExtensibleDataObject
{
    private readonly DataCollection<Entity> _entities;

    public EntityCollection()
    {
        _entities = new DataCollection<Entity>();
    }

    /// <summary>Copies the given records into <see cref="Entities"/>.</summary>
    public EntityCollection(IList<Entity> list)
    {
        _entities = new DataCollection<Entity>(list);
    }

    public DataCollection<Entity> Entities => _entities;

    public bool MoreRecords { get; set; }

    public string PagingCookie { get; set; }

    public string MinActiveRowVersion { get; set; }

    public int TotalRecordCount { get; set; }

    public bool TotalRecordCountLimitExceeded { get; set; }

    public Entity this[int index]
    {
        get => _entities[index];
        set => _entities[index] = value;
    }

    public string EntityName { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
