using System.Linq;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// Copies request parameters the way serialization does between a client and Dataverse: the pipeline works on its
/// own copy, so plug-ins changing Target never change the caller's object, and the caller changing its object
/// afterwards never changes what was stored.
/// </summary>
internal static class ParameterCloner
{
    public static ParameterCollection Clone(ParameterCollection? parameters)
    {
        var copy = new ParameterCollection();
        if (parameters is null) return copy;
        foreach (var (key, value) in parameters) copy[key] = CloneValue(value);
        return copy;
    }

    public static object? CloneValue(object? value)
    {
        return value switch
        {
            Entity entity => CloneEntity(entity),
            EntityReference reference => CloneReference(reference),
            EntityCollection collection => CloneCollection(collection),
            EntityReferenceCollection references => new EntityReferenceCollection(references.Select(CloneReference).ToList()),
            OptionSetValue option => new OptionSetValue(option.Value),
            Money money => new Money(money.Value),
            OptionSetValueCollection options => new OptionSetValueCollection(options.Select(o => new OptionSetValue(o.Value)).ToList()),
            AliasedValue aliased => new AliasedValue(aliased.EntityLogicalName, aliased.AttributeLogicalName, CloneValue(aliased.Value)),
            string[] strings => (string[])strings.Clone(),
            _ => value,
        };
    }

    public static Entity CloneEntity(Entity entity)
    {
        var copy = new Entity(entity.LogicalName, entity.Id) { RowVersion = entity.RowVersion, EntityState = entity.EntityState };
        foreach (var (key, value) in entity.Attributes) copy.Attributes[key] = CloneValue(value);
        foreach (var (key, value) in entity.KeyAttributes) copy.KeyAttributes[key] = CloneValue(value);
        return copy;
    }

    private static EntityReference CloneReference(EntityReference reference)
    {
        var copy = new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name, RowVersion = reference.RowVersion };
        foreach (var (key, value) in reference.KeyAttributes) copy.KeyAttributes[key] = CloneValue(value);
        return copy;
    }

    private static EntityCollection CloneCollection(EntityCollection collection)
    {
        var copy = new EntityCollection(collection.Entities.Select(CloneEntity).ToList())
        {
            EntityName = collection.EntityName,
            MoreRecords = collection.MoreRecords,
            PagingCookie = collection.PagingCookie,
            TotalRecordCount = collection.TotalRecordCount,
            TotalRecordCountLimitExceeded = collection.TotalRecordCountLimitExceeded,
        };
        return copy;
    }
}
