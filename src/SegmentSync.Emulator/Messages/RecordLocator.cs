using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>Finds the record a request names: by id, by the primary key attribute, or by alternate key attributes.</summary>
internal static class RecordLocator
{
    /// <summary>The id an Entity target carries (Id or the primary key attribute; they must agree).</summary>
    public static Guid IdOf(TableDefinition table, Entity target)
    {
        var id = target.Id;
        if (target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var attribute) && attribute is not null)
        {
            if (attribute is not Guid attributeId) throw DataverseFault.InvalidArgument($"'{table.PrimaryIdAttribute}' must be a Guid.");
            if (id != Guid.Empty && id != attributeId)
                throw DataverseFault.InvalidArgument($"Entity.Id {id} and attribute '{table.PrimaryIdAttribute}' {attributeId} differ.");
            id = attributeId;
        }

        return id;
    }

    /// <summary>The id of the existing record named by <paramref name="id"/> or <paramref name="keys"/>; a fault when there is none.</summary>
    public static Guid Existing(InMemoryDataverse dataverse, TableDefinition table, Guid id, KeyAttributeCollection? keys)
    {
        var store = dataverse.Store.For(table.LogicalName);
        if (id != Guid.Empty)
        {
            return store.Contains(id) ? id : throw DataverseFault.DoesNotExist(table.LogicalName, id);
        }

        if (keys is { Count: > 0 }) return ByKey(dataverse, table, keys) ?? throw DataverseFault.KeyDoesNotExist(table.LogicalName);
        throw DataverseFault.InvalidArgument($"The request names no {table.LogicalName} record: set its Id or key attributes.");
    }

    /// <summary>The record whose alternate key holds <paramref name="keys"/>, or null; a fault when the attributes are not a defined key.</summary>
    public static Guid? ByKey(InMemoryDataverse dataverse, TableDefinition table, KeyAttributeCollection keys)
    {
        var key = table.AlternateKeys.FirstOrDefault(k => k.Attributes.Count == keys.Count && k.Attributes.All(keys.ContainsKey));
        if (key is null && keys.Count == 1 && keys.ContainsKey(table.PrimaryIdAttribute) && keys[table.PrimaryIdAttribute] is Guid id)
            return dataverse.Store.Exists(table.LogicalName, id) ? id : null;
        if (key is null)
            throw DataverseFault.InvalidArgument($"The specified key attributes are not a defined key for the {table.LogicalName} entity");
        var values = key.Attributes
            .Select(a => ValueConverter.ToStored(table, table.Column(a)!, keys[a], dataverse.Store.Exists))
            .ToArray();
        return dataverse.Store.For(table.LogicalName).FindByKey(key, values);
    }
}
