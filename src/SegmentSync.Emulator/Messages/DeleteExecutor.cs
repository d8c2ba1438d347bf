using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace SegmentSync.Emulator;

/// <summary>
/// Delete: removes the record and applies each relationship's cascade rule to the records pointing at it
/// (cascade: delete them too; remove link: clear their lookup; restrict: refuse), and removes its N:N associations.
/// Cascaded changes are platform work: no plug-ins run for them.
/// </summary>
internal sealed class DeleteExecutor : IMessageExecutor
{
    public string MessageName => "Delete";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var target = RequestParameters.Required<EntityReference>(request, "Target");
        var dataverse = context.Dataverse;
        var table = dataverse.Metadata.Table(target.LogicalName);
        var id = RecordLocator.Existing(dataverse, table, target.Id, target.KeyAttributes);
        Delete(table, id, context);
        return new DeleteResponse();
    }

    private static void Delete(TableDefinition table, Guid id, MessageContext context)
    {
        var dataverse = context.Dataverse;
        var store = dataverse.Store.For(table.LogicalName);
        if (!store.Contains(id)) return; // already removed by another branch of the cascade
        foreach (var (referencing, column) in dataverse.Metadata.LookupsTo(table.LogicalName).ToList())
        {
            var children = Referencing(dataverse, referencing, column, table.LogicalName, id);
            if (children.Count == 0) continue;
            switch (dataverse.Metadata.CascadeFor(referencing, column, table.LogicalName))
            {
                case CascadeDelete.Restrict:
                    throw DataverseFault.Create(
                        ErrorCodes.CannotDeleteDueToAssociation,
                        $"The object you tried to delete is associated with another object and cannot be deleted. ({referencing.LogicalName}.{column.LogicalName} refers to {table.LogicalName} {id})");
                case CascadeDelete.Cascade:
                    foreach (var child in children) Delete(referencing, child.Id, context);
                    break;
                default:
                    var childStore = dataverse.Store.For(referencing.LogicalName);
                    foreach (var child in children.Where(c => childStore.Contains(c.Id)))
                        dataverse.Store.Replace(childStore, child.With(new[] { (column.Ordinal, (object?)null) }), context.Transaction);
                    break;
            }
        }

        RemoveAssociations(dataverse, table.LogicalName, id, context);
        dataverse.Store.Remove(store, id, context.Transaction);
        var deleted = new EntityReference(table.LogicalName, id);
        foreach (var behavior in dataverse.Behaviors) behavior.AfterDelete(table, deleted, context);
    }

    private static List<Row> Referencing(InMemoryDataverse dataverse, TableDefinition table, ColumnDefinition column, string referenced, Guid id)
    {
        var store = dataverse.Store.For(table.LogicalName);
        IEnumerable<Row> rows = store.HasIndex(column)
            ? store.Find(column, id).Select(i => store.TryGet(i, out var r) ? r : null).OfType<Row>()
            : store.Rows.Where(r => QueryValues.AreEqual(RowValues.Comparable(r, column), id));
        return rows.Where(r => r[column.Ordinal] is StoredReference s && s.LogicalName == referenced).ToList();
    }

    private static void RemoveAssociations(InMemoryDataverse dataverse, string entity, Guid id, MessageContext context)
    {
        foreach (var relationship in dataverse.Metadata.Relationships.Where(r => r.IsManyToMany))
        {
            var intersect = dataverse.Store.For(relationship.IntersectEntity);
            foreach (var attribute in new[] { (relationship.Entity1, relationship.Entity1IntersectAttribute), (relationship.Entity2, relationship.Entity2IntersectAttribute) })
            {
                if (attribute.Item1 != entity) continue;
                var column = intersect.Table.Column(attribute.Item2)!;
                foreach (var rowId in intersect.Find(column, id).ToList()) dataverse.Store.Remove(intersect, rowId, context.Transaction);
            }
        }
    }
}
