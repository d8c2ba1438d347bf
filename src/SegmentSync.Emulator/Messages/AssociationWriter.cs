using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// Associate and Disassociate share this: N:N relationships add or remove intersect rows; 1:N relationships set
/// or clear the lookup on the related (referencing) records.
/// </summary>
internal static class AssociationWriter
{
    public static void Apply(OrganizationRequest request, MessageContext context, bool associate)
    {
        var target = RequestParameters.Required<EntityReference>(request, "Target");
        var relationship = RequestParameters.Required<Relationship>(request, "Relationship");
        var related = RequestParameters.Required<EntityReferenceCollection>(request, "RelatedEntities");
        var dataverse = context.Dataverse;
        var definition = dataverse.Metadata.TryGetRelationship(relationship.SchemaName)
            ?? throw DataverseFault.InvalidArgument($"The relationship {relationship.SchemaName} is not defined.");
        RequireExists(dataverse, target);
        foreach (var reference in related)
        {
            RequireExists(dataverse, reference);
            if (definition.IsManyToMany) ManyToMany(definition, target, reference, context, associate);
            else OneToMany(definition, target, reference, context, associate);
        }
    }

    private static void RequireExists(InMemoryDataverse dataverse, EntityReference reference)
    {
        dataverse.Metadata.Table(reference.LogicalName);
        if (!dataverse.Store.Exists(reference.LogicalName, reference.Id)) throw DataverseFault.DoesNotExist(reference.LogicalName, reference.Id);
    }

    private static void ManyToMany(RelationshipDefinition definition, EntityReference target, EntityReference related, MessageContext context, bool associate)
    {
        var (first, second) = Order(definition, target, related);
        var dataverse = context.Dataverse;
        var intersect = dataverse.Store.For(definition.IntersectEntity);
        var firstColumn = intersect.Table.Column(definition.Entity1IntersectAttribute)!;
        var secondColumn = intersect.Table.Column(definition.Entity2IntersectAttribute)!;
        var existing = intersect.Find(firstColumn, first.Id)
            .Where(id => intersect.TryGet(id, out var row) && row[secondColumn.Ordinal] is Guid g && g == second.Id)
            .ToList();
        if (!associate)
        {
            foreach (var id in existing) dataverse.Store.Remove(intersect, id, context.Transaction);
            return;
        }

        if (existing.Count > 0) throw DataverseFault.Create(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key.");
        var attributes = new AttributeCollection
        {
            [definition.Entity1IntersectAttribute] = first.Id,
            [definition.Entity2IntersectAttribute] = second.Id,
        };
        var row = dataverse.Writer.NewRow(intersect.Table, dataverse.NewId(), attributes, new RecordWriter.Stamp(context.UserId, context.UtcNow));
        dataverse.Writer.Insert(intersect, row, context.Transaction);
    }

    private static (EntityReference First, EntityReference Second) Order(RelationshipDefinition definition, EntityReference target, EntityReference related)
    {
        if (target.LogicalName == definition.Entity1 && related.LogicalName == definition.Entity2) return (target, related);
        if (target.LogicalName == definition.Entity2 && related.LogicalName == definition.Entity1) return (related, target);
        throw DataverseFault.InvalidArgument(
            $"The relationship {definition.SchemaName} relates {definition.Entity1} and {definition.Entity2}, not {target.LogicalName} and {related.LogicalName}.");
    }

    private static void OneToMany(RelationshipDefinition definition, EntityReference target, EntityReference related, MessageContext context, bool associate)
    {
        var (referenced, referencing) = target.LogicalName == definition.ReferencedEntity && related.LogicalName == definition.ReferencingEntity
            ? (target, related)
            : target.LogicalName == definition.ReferencingEntity && related.LogicalName == definition.ReferencedEntity
                ? (related, target)
                : throw DataverseFault.InvalidArgument($"The relationship {definition.SchemaName} does not relate {target.LogicalName} and {related.LogicalName}.");
        var changes = new Entity(referencing.LogicalName, referencing.Id);
        if (associate)
        {
            changes[definition.ReferencingAttribute] = new EntityReference(referenced.LogicalName, referenced.Id);
        }
        else
        {
            var current = context.Find(referencing.LogicalName, referencing.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(definition.ReferencingAttribute));
            if (current?.GetAttributeValue<EntityReference>(definition.ReferencingAttribute)?.Id != referenced.Id) return;
            changes[definition.ReferencingAttribute] = null;
        }

        context.Write(referencing.LogicalName, referencing.Id, changes);
    }
}
