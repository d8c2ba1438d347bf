using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Emulator;

/// <summary>The tables and relationships of the emulated organization.</summary>
public sealed class MetadataRegistry
{
    private readonly ConcurrentDictionary<string, TableDefinition> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RelationshipDefinition> _relationships = new(StringComparer.Ordinal);
    private readonly Action<TableDefinition> _onTableAdded;

    internal MetadataRegistry(Action<TableDefinition> onTableAdded)
    {
        _onTableAdded = onTableAdded;
    }

    /// <summary>All registered tables.</summary>
    public IEnumerable<TableDefinition> Tables => _tables.Values;

    /// <summary>All registered relationships.</summary>
    public IEnumerable<RelationshipDefinition> Relationships => _relationships.Values;

    /// <summary>Registers a table (adding its system columns); its definition is frozen from then on.</summary>
    public TableDefinition AddTable(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return AddTable(table, isIntersect: false);
    }

    /// <summary>Registers a relationship; an N:N relationship also registers its intersect table.</summary>
    public RelationshipDefinition AddRelationship(RelationshipDefinition relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        if (relationship.IsManyToMany) AddIntersect(relationship);
        else CheckOneToMany(relationship);
        if (!_relationships.TryAdd(relationship.SchemaName, relationship))
            throw new ArgumentException($"Relationship {relationship.SchemaName} is already registered.", nameof(relationship));
        return relationship;
    }

    /// <summary>The table named <paramref name="logicalName"/>; a Dataverse fault when there is none.</summary>
    public TableDefinition Table(string logicalName)
    {
        return TryGetTable(logicalName) ?? throw DataverseFault.UnknownEntity(logicalName);
    }

    /// <summary>The table named <paramref name="logicalName"/>, or null.</summary>
    public TableDefinition? TryGetTable(string? logicalName)
    {
        return logicalName is not null && _tables.TryGetValue(logicalName, out var table) ? table : null;
    }

    /// <summary>The relationship with <paramref name="schemaName"/>, or null.</summary>
    public RelationshipDefinition? TryGetRelationship(string? schemaName)
    {
        return schemaName is not null && _relationships.TryGetValue(schemaName, out var relationship) ? relationship : null;
    }

    /// <summary>Every lookup column, on any table, that can point to <paramref name="referencedEntity"/>.</summary>
    internal IEnumerable<(TableDefinition Table, ColumnDefinition Column)> LookupsTo(string referencedEntity)
    {
        return _tables.Values
            .SelectMany(t => t.Columns.Where(c => c.Kind == ColumnKind.Lookup && c.Targets.Contains(referencedEntity)).Select(c => (t, c)));
    }

    /// <summary>The cascade rule for deletes through <paramref name="table"/>.<paramref name="column"/>: RemoveLink unless a relationship says otherwise.</summary>
    internal CascadeDelete CascadeFor(TableDefinition table, ColumnDefinition column, string referencedEntity)
    {
        var relationship = _relationships.Values.FirstOrDefault(r => !r.IsManyToMany
            && r.ReferencingEntity == table.LogicalName
            && r.ReferencingAttribute == column.LogicalName
            && r.ReferencedEntity == referencedEntity);
        return relationship?.CascadeDelete ?? CascadeDelete.RemoveLink;
    }

    private TableDefinition AddTable(TableDefinition table, bool isIntersect)
    {
        if (_tables.ContainsKey(table.LogicalName)) throw new ArgumentException($"Table {table.LogicalName} is already registered.", nameof(table));
        table.Register(isIntersect);
        if (!_tables.TryAdd(table.LogicalName, table)) throw new ArgumentException($"Table {table.LogicalName} is already registered.", nameof(table));
        _onTableAdded(table);
        return table;
    }

    private void CheckOneToMany(RelationshipDefinition relationship)
    {
        var referencing = TryGetTable(relationship.ReferencingEntity)
            ?? throw new ArgumentException($"Table {relationship.ReferencingEntity} is not registered.", nameof(relationship));
        if (TryGetTable(relationship.ReferencedEntity) is null)
            throw new ArgumentException($"Table {relationship.ReferencedEntity} is not registered.", nameof(relationship));
        var column = referencing.Column(relationship.ReferencingAttribute);
        if (column is null || column.Kind != ColumnKind.Lookup || !column.Targets.Contains(relationship.ReferencedEntity))
            throw new ArgumentException(
                $"{relationship.ReferencingEntity}.{relationship.ReferencingAttribute} is not a lookup to {relationship.ReferencedEntity}.", nameof(relationship));
    }

    private void AddIntersect(RelationshipDefinition relationship)
    {
        foreach (var entity in new[] { relationship.Entity1, relationship.Entity2 })
        {
            if (TryGetTable(entity) is null) throw new ArgumentException($"Table {entity} is not registered.", nameof(relationship));
        }

        var intersect = new TableDefinition(relationship.IntersectEntity, relationship.IntersectEntity + "id")
            .Guid(relationship.Entity1IntersectAttribute)
            .Guid(relationship.Entity2IntersectAttribute)
            .Index(relationship.Entity1IntersectAttribute)
            .Index(relationship.Entity2IntersectAttribute);
        AddTable(intersect, isIntersect: true);
    }
}
