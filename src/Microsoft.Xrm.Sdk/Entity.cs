using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A record: logical name, id and attribute values. The indexer getter throws <see cref="KeyNotFoundException"/>
/// for an attribute that is not present; <see cref="GetAttributeValue{T}"/> returns default(T) instead. Values are
/// never converted: asking for the wrong type throws <see cref="InvalidCastException"/>.
/// </summary>
public class Entity : IExtensibleDataObject
{
    private Guid _id;
    private AttributeCollection _attributes = new AttributeCollection();
    private KeyAttributeCollection _keyAttributes = new KeyAttributeCollection();

    public Entity()
    {
    }

    public Entity(string entityName)
    {
        LogicalName = entityName;
    }

    public Entity(string entityName, Guid id)
    {
        LogicalName = entityName;
        Id = id;
    }

    /// <summary>A record identified by one alternate-key attribute.</summary>
    public Entity(string entityName, string keyName, object keyValue)
    {
        LogicalName = entityName;
        _keyAttributes.Add(keyName, keyValue);
    }

    /// <summary>A record identified by alternate-key attributes.</summary>
    public Entity(string entityName, KeyAttributeCollection keyAttributes)
    {
        LogicalName = entityName;
        KeyAttributes = keyAttributes;
    }

    public string LogicalName { get; set; }

    public virtual Guid Id
    {
        get => _id;
        set => _id = value;
    }

    public AttributeCollection Attributes
    {
        get => _attributes;
        set => _attributes = value;
    }

    public EntityState? EntityState { get; set; }

    public FormattedValueCollection FormattedValues { get; } = new FormattedValueCollection();

    public RelatedEntityCollection RelatedEntities { get; } = new RelatedEntityCollection();

    public string RowVersion { get; set; }

    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes;
        set => _keyAttributes = value;
    }

    public bool HasLazyFileAttribute { get; set; }

    public string LazyFileAttributeKey { get; set; }

    public Lazy<object> LazyFileAttributeValue { get; set; }

    public string LazyFileSizeAttributeKey { get; set; }

    public int LazyFileSizeAttributeValue { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Gets (throws <see cref="KeyNotFoundException"/> when missing) or sets (adds or replaces) an attribute value.</summary>
    public object this[string attributeName]
    {
        get => Attributes[attributeName];
        set => Attributes[attributeName] = value;
    }

    public bool Contains(string attributeName) => Attributes.Contains(attributeName);

    /// <summary>
    /// Copies this record into a new <typeparamref name="T"/> (an early-bound class or <see cref="Entity"/>). The
    /// attribute and key collections are shared with the copy; formatted values and related entities are copied.
    /// Throws <see cref="NotSupportedException"/> when the target type's logical name differs from this one's.
    /// </summary>
    public T ToEntity<T>()
        where T : Entity
    {
        if (typeof(T) == typeof(Entity))
        {
            var copy = new Entity();
            ShallowCopyTo(copy);
            return (T)copy;
        }

        var attribute = typeof(T).GetCustomAttributes(typeof(EntityLogicalNameAttribute), true)
            .OfType<EntityLogicalNameAttribute>()
            .FirstOrDefault();
        if (attribute == null)
        {
            throw new NotSupportedException($"The type {typeof(T).FullName} has no {nameof(EntityLogicalNameAttribute)}.");
        }

        if (!string.IsNullOrEmpty(LogicalName) && attribute.LogicalName != LogicalName)
        {
            throw new NotSupportedException($"Cannot convert an entity with logical name '{LogicalName}' to {typeof(T).FullName} ('{attribute.LogicalName}').");
        }

        var target = (T)Activator.CreateInstance(typeof(T));
        ShallowCopyTo(target);
        return target;
    }

    /// <summary>
    /// A reference to this record (logical name, id, key attributes, row version). Throws
    /// <see cref="NotSupportedException"/> when the logical name is not set, or when neither an id nor key
    /// attributes are set.
    /// </summary>
    public EntityReference ToEntityReference()
    {
        if (string.IsNullOrEmpty(LogicalName))
        {
            throw new NotSupportedException("LogicalName must be set before calling ToEntityReference()");
        }

        if (Id == Guid.Empty && (KeyAttributes == null || KeyAttributes.Count == 0))
        {
            throw new NotSupportedException("Id must be set before calling ToEntityReference()");
        }

        var reference = new EntityReference(LogicalName, Id)
        {
            RowVersion = RowVersion,
        };
        if (KeyAttributes != null)
        {
            reference.KeyAttributes = KeyAttributes;
        }

        return reference;
    }

    /// <summary>
    /// The attribute value cast to <typeparamref name="T"/>, or default(T) when the attribute is missing or null.
    /// No conversion: a value of another type throws <see cref="InvalidCastException"/>.
    /// </summary>
    public virtual T GetAttributeValue<T>(string attributeLogicalName)
    {
        if (!Attributes.TryGetValue(attributeLogicalName, out var value) || value == null)
        {
            return default;
        }

        return (T)value;
    }

    /// <summary>
    /// True with the value when the attribute is present and holds a <typeparamref name="T"/>; false with
    /// default(T) otherwise.
    /// </summary>
    public bool TryGetAttributeValue<T>(string attributeLogicalName, out T value)
    {
        if (Attributes.TryGetValue(attributeLogicalName, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    protected virtual void SetAttributeValue(string attributeLogicalName, object value)
    {
        Attributes[attributeLogicalName] = value;
    }

    /// <summary>The formatted value of the attribute, or null when there is none.</summary>
    protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
    {
        return FormattedValues.TryGetValue(attributeLogicalName, out var formatted) ? formatted : null;
    }

    protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
        where TEntity : Entity
    {
        var relationship = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        if (!RelatedEntities.TryGetValue(relationship, out var collection) || collection == null || collection.Entities.Count == 0)
        {
            return null;
        }

        return collection.Entities[0].ToEntity<TEntity>();
    }

    protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity)
        where TEntity : Entity
    {
        var relationship = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        if (entity == null)
        {
            RelatedEntities.Remove(relationship);
            return;
        }

        RelatedEntities[relationship] = new EntityCollection(new List<Entity> { entity }) { EntityName = entity.LogicalName };
    }

    protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
        where TEntity : Entity
    {
        var relationship = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        if (!RelatedEntities.TryGetValue(relationship, out var collection) || collection == null)
        {
            return null;
        }

        return collection.Entities.Select(e => e.ToEntity<TEntity>()).ToList();
    }

    protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<TEntity> entities)
        where TEntity : Entity
    {
        var relationship = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        if (entities == null)
        {
            RelatedEntities.Remove(relationship);
            return;
        }

        var list = entities.Cast<Entity>().ToList();
        RelatedEntities[relationship] = new EntityCollection(list) { EntityName = list.Count > 0 ? list[0].LogicalName : null };
    }

    private void ShallowCopyTo(Entity target)
    {
        target.LogicalName = LogicalName;
        target.Id = Id;
        target.Attributes = Attributes;
        target.EntityState = EntityState;
        target.RowVersion = RowVersion;
        target.KeyAttributes = KeyAttributes;
        target.ExtensionData = ExtensionData;
        target.HasLazyFileAttribute = HasLazyFileAttribute;
        target.LazyFileAttributeKey = LazyFileAttributeKey;
        target.LazyFileAttributeValue = LazyFileAttributeValue;
        target.LazyFileSizeAttributeKey = LazyFileSizeAttributeKey;
        target.LazyFileSizeAttributeValue = LazyFileSizeAttributeValue;
        target.FormattedValues.Clear();
        target.FormattedValues.AddRange(FormattedValues);
        target.RelatedEntities.Clear();
        target.RelatedEntities.AddRange(RelatedEntities);
    }
}
