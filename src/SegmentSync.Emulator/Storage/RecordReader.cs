using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// Turns stored rows into fresh Entity objects: only the requested columns (plus the primary key), only columns
/// that have a value, and lookups with their target's primary name, as Dataverse returns them.
/// </summary>
internal sealed class RecordReader
{
    private readonly DataStore _store;

    public RecordReader(DataStore store)
    {
        _store = store;
    }

    /// <summary>The columns of <paramref name="table"/> that <paramref name="columns"/> asks for; unknown names are a fault.</summary>
    public static IReadOnlyList<ColumnDefinition> Select(TableDefinition table, ColumnSet? columns)
    {
        if (columns is null) return new[] { table.Column(table.PrimaryIdAttribute)! };
        if (columns.AllColumns) return table.Columns;
        return columns.Columns
            .Distinct()
            .Select(name => table.Column(name) ?? throw DataverseFault.UnknownAttribute(table.LogicalName, name))
            .ToList();
    }

    /// <summary>A new Entity for <paramref name="row"/> with <paramref name="columns"/> (and the primary key when asked).</summary>
    public Entity ToEntity(TableDefinition table, Row row, IReadOnlyList<ColumnDefinition> columns, bool includePrimaryKey = true)
    {
        var entity = new Entity(table.LogicalName, includePrimaryKey ? row.Id : System.Guid.Empty);
        if (includePrimaryKey) entity.Attributes[table.PrimaryIdAttribute] = row.Id;
        foreach (var column in columns)
        {
            var value = Value(column, row);
            if (value is not null) entity.Attributes[column.LogicalName] = value;
        }

        return entity;
    }

    /// <summary>A fresh SDK value of <paramref name="column"/> in <paramref name="row"/>, or null.</summary>
    public object? Value(ColumnDefinition column, Row row)
    {
        if (column.Kind == ColumnKind.PrimaryKey) return row.Id;
        return ValueConverter.ToSdk(column, row[column.Ordinal], NameOf);
    }

    /// <summary>The primary name of the record a lookup points to (EntityReference.Name).</summary>
    public string? NameOf(StoredReference reference)
    {
        var table = _store.TryFor(reference.LogicalName);
        var nameColumn = table?.Table.PrimaryNameAttribute is string name ? table.Table.Column(name) : null;
        if (table is null || nameColumn is null || !table.TryGet(reference.Id, out var row)) return null;
        return row[nameColumn.Ordinal] as string;
    }
}
