using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// Turns a caller's attributes into a stored row the way Dataverse's Create and Update do: validation against the
/// metadata, defaults, system columns, statecode/statuscode rules and key uniqueness.
/// </summary>
internal sealed class RecordWriter
{
    private readonly DataStore _store;

    public RecordWriter(DataStore store)
    {
        _store = store;
    }

    /// <summary>Who writes and when; system columns take their values from here.</summary>
    public readonly record struct Stamp(Guid UserId, DateTime UtcNow);

    /// <summary>
    /// A new row for <paramref name="table"/> with <paramref name="attributes"/>, defaults and system columns.
    /// With <paramref name="keepSystemColumns"/> (seeding), supplied createdon/modifiedon/createdby/modifiedby are kept.
    /// </summary>
    /// <param name="exists">Overrides the lookup existence check (a restore loads rows in any order).</param>
    public Row NewRow(TableDefinition table, Guid id, AttributeCollection attributes, Stamp stamp, bool keepSystemColumns = false, Func<string, Guid, bool>? exists = null)
    {
        var values = new object?[table.Columns.Count];
        var supplied = Convert(table, attributes, values, keepSystemColumns, exists);
        ApplyDefaults(table, values, supplied, stamp);
        ApplyCreateState(table, values, supplied);
        foreach (var column in table.Columns)
        {
            if (column.Required && values[column.Ordinal] is null) throw Missing(table, column);
        }

        return new Row(id, values);
    }

    /// <summary>The row <paramref name="current"/> with <paramref name="attributes"/> applied, as Update stores it.</summary>
    public Row UpdatedRow(TableDefinition table, Row current, AttributeCollection attributes, Stamp stamp)
    {
        var values = (object?[])current.Values.Clone();
        var supplied = Convert(table, attributes, values, keepSystemColumns: false);
        foreach (var ordinal in supplied)
        {
            var column = table.Columns[ordinal];
            if (column.Required && values[ordinal] is null) throw Missing(table, column);
        }

        ApplyUpdateState(table, current, values, supplied);
        if (!table.IsIntersect)
        {
            values[table.Column(TableDefinition.ModifiedOn)!.Ordinal] = stamp.UtcNow;
            values[table.Column(TableDefinition.ModifiedBy)!.Ordinal] = new StoredReference(SystemTables.SystemUser, stamp.UserId);
        }

        return new Row(current.Id, values);
    }

    /// <summary>Stores a new row: the id and every alternate key must be free.</summary>
    public void Insert(TableStore table, Row row, Transaction? tx)
    {
        if (table.Contains(row.Id)) throw DataverseFault.Create(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key.");
        CheckKeys(table, row);
        _store.Insert(table, row, tx);
    }

    /// <summary>Stores an updated row: its alternate keys must stay unique.</summary>
    public void Replace(TableStore table, Row row, Transaction? tx)
    {
        CheckKeys(table, row);
        _store.Replace(table, row, tx);
    }

    private static Exception Missing(TableDefinition table, ColumnDefinition column)
    {
        return DataverseFault.Create(
            ErrorCodes.RequiredFieldMissing,
            $"A validation error occurred. The required attribute '{column.LogicalName}' of entity '{table.LogicalName}' has no value.");
    }

    private static void CheckKeys(TableStore table, Row row)
    {
        var key = table.ConflictingKey(row);
        if (key is null) return;
        throw DataverseFault.Create(
            ErrorCodes.DuplicateRecordEntityKey,
            $"A record that has the attribute values {string.Join(", ", key.Attributes)} already exists. The entity key {key.Name} requires that this set of attributes contains unique values. Select unique values and try again.");
    }

    /// <summary>Converts the supplied attributes into <paramref name="values"/>; returns the ordinals written.</summary>
    private List<int> Convert(TableDefinition table, AttributeCollection attributes, object?[] values, bool keepSystemColumns, Func<string, Guid, bool>? exists = null)
    {
        var supplied = new List<int>(attributes.Count);
        foreach (var (name, value) in attributes)
        {
            var column = table.Column(name) ?? throw DataverseFault.UnknownAttribute(table.LogicalName, name);
            if (column.Kind == ColumnKind.PrimaryKey) continue; // the id travels separately; executors check it matches
            if (column.IsSystemManaged && !keepSystemColumns) continue; // Dataverse ignores callers' createdon etc.
            values[column.Ordinal] = ValueConverter.ToStored(table, column, value, exists ?? _store.Exists);
            supplied.Add(column.Ordinal);
        }

        return supplied;
    }

    private static void ApplyDefaults(TableDefinition table, object?[] values, List<int> supplied, Stamp stamp)
    {
        foreach (var column in table.Columns)
        {
            if (supplied.Contains(column.Ordinal) || column.DefaultValue is null) continue;
            values[column.Ordinal] = column.DefaultValue is bool b ? Boxes.Bool(b) : Boxes.Option((int)column.DefaultValue);
        }

        if (table.IsIntersect) return;
        var user = new StoredReference(SystemTables.SystemUser, stamp.UserId);
        object now = stamp.UtcNow;
        values[table.Column(TableDefinition.CreatedOn)!.Ordinal] ??= now;
        values[table.Column(TableDefinition.ModifiedOn)!.Ordinal] ??= now;
        values[table.Column(TableDefinition.CreatedBy)!.Ordinal] ??= user;
        values[table.Column(TableDefinition.ModifiedBy)!.Ordinal] ??= user;
        values[table.Column(TableDefinition.OwnerId)!.Ordinal] ??= user;
    }

    private static void ApplyCreateState(TableDefinition table, object?[] values, List<int> supplied)
    {
        if (table.Statuses.Count == 0) return;
        var (stateOrdinal, statusOrdinal) = StateOrdinals(table);
        int? state = supplied.Contains(stateOrdinal) ? (int?)values[stateOrdinal] : null;
        int? status = supplied.Contains(statusOrdinal) ? (int?)values[statusOrdinal] : null;
        var pair = Resolve(table, state ?? (status is null ? 0 : null), status, Guid.Empty);
        values[stateOrdinal] = Boxes.Option(pair.State);
        values[statusOrdinal] = Boxes.Option(pair.Status);
    }

    private static void ApplyUpdateState(TableDefinition table, Row current, object?[] values, List<int> supplied)
    {
        if (table.Statuses.Count == 0) return;
        var (stateOrdinal, statusOrdinal) = StateOrdinals(table);
        var stateSet = supplied.Contains(stateOrdinal);
        var statusSet = supplied.Contains(statusOrdinal);
        if (!stateSet && !statusSet) return;
        if ((stateSet && values[stateOrdinal] is null) || (statusSet && values[statusOrdinal] is null))
            throw DataverseFault.InvalidArgument("statecode and statuscode cannot be cleared.");
        var pair = Resolve(table, stateSet ? (int)values[stateOrdinal]! : null, statusSet ? (int)values[statusOrdinal]! : null, current.Id);
        var from = (int)current[statusOrdinal]!;
        if (!table.AllowsTransition(from, pair.Status))
        {
            throw DataverseFault.Create(
                ErrorCodes.InvalidStateTransition,
                $"The status transition from {from} to {pair.Status} is not valid for {table.LogicalName} with Id {current.Id}.");
        }

        values[stateOrdinal] = Boxes.Option(pair.State);
        values[statusOrdinal] = Boxes.Option(pair.Status);
    }

    /// <summary>
    /// The pair to store: a status alone brings its own state, a state alone brings its default status, and both
    /// must belong together.
    /// </summary>
    private static StatusOption Resolve(TableDefinition table, int? state, int? status, Guid id)
    {
        if (status is int s)
        {
            var option = table.Status(s)!;
            if (state is int st && option.State != st)
            {
                throw DataverseFault.Create(
                    ErrorCodes.InvalidStateCodeStatusCode,
                    $"{s} is not a valid status code for state code {st} on {table.LogicalName} with Id {id}.");
            }

            return option;
        }

        return table.DefaultStatus(state!.Value)!;
    }

    private static (int State, int Status) StateOrdinals(TableDefinition table)
    {
        return (table.Column(TableDefinition.StateCode)!.Ordinal, table.Column(TableDefinition.StatusCode)!.Ordinal);
    }
}
