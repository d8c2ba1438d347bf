using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// Runs RetrieveMultiple queries (QueryExpression, QueryByAttribute, FetchExpression) against the store:
/// candidates (index or scan), joins, filter, order, distinct, top or paging, projection into fresh entities.
/// </summary>
internal sealed class QueryEngine
{
    /// <summary>Dataverse's largest page and largest top count.</summary>
    public const int MaxPageSize = 5000;

    /// <summary>Dataverse's limit on the records an aggregate query may touch.</summary>
    public const int MaxAggregateRecords = 50000;

    private readonly MetadataRegistry _metadata;
    private readonly DataStore _store;
    private readonly RecordReader _reader;

    public QueryEngine(MetadataRegistry metadata, DataStore store, RecordReader reader)
    {
        _metadata = metadata;
        _store = store;
        _reader = reader;
    }

    public EntityCollection Execute(QueryBase query, QueryContext context)
    {
        switch (query)
        {
            case QueryExpression expression:
                return Execute(expression, context);
            case QueryByAttribute byAttribute:
                return Execute(QueryByAttributeConverter.Convert(byAttribute), context);
            case FetchExpression fetch:
                var parsed = FetchXmlParser.Parse(fetch.Query);
                return parsed.Aggregates.Count > 0 ? ExecuteAggregate(parsed.Query, parsed.Aggregates, context) : Execute(parsed.Query, context);
            case null:
                throw DataverseFault.InvalidArgument("RetrieveMultiple needs a Query.");
            default:
                throw DataverseFault.NotSupported($"The emulator does not support {query.GetType().Name} queries.");
        }
    }

    /// <summary>Every row the query matches, sorted, before top and paging (BulkDelete uses this).</summary>
    public List<JoinedRow> Match(QueryExpression query, QueryContext context)
    {
        var plan = new QueryPlan(query, _metadata);
        var filters = new FilterCompiler(plan, context);
        var criteria = filters.Compile(query.Criteria, null);
        var joiner = new LinkJoiner(plan, _store, filters);
        var store = _store.For(plan.Table.LogicalName);
        var matched = CandidateSelector.Select(plan, store).SelectMany(joiner.Expand).Where(criteria);
        return RowSorter.Sort(matched, RowSorter.Keys(plan));
    }

    private EntityCollection Execute(QueryExpression query, QueryContext context)
    {
        var plan = new QueryPlan(query, _metadata);
        var page = PageRequest.From(query);
        var columns = RecordReader.Select(plan.Table, query.ColumnSet);
        var rows = Match(query, context);
        var entities = Project(plan, rows, columns);
        if (query.Distinct) entities = Distinct(entities);
        var result = new EntityCollection { EntityName = plan.Table.LogicalName };
        if (query.TopCount is int top)
        {
            result.Entities.AddRange(entities.Take(top).Select(e => e.Entity));
            result.TotalRecordCount = -1;
            return result;
        }

        return page.Apply(result, entities, plan, query);
    }

    private EntityCollection ExecuteAggregate(QueryExpression query, IReadOnlyList<Aggregate> aggregates, QueryContext context)
    {
        var plan = new QueryPlan(query, _metadata);
        var rows = Match(query, context);
        if (rows.Count > MaxAggregateRecords)
            throw DataverseFault.Create(ErrorCodes.AggregateQueryRecordLimitExceeded, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");
        var entity = new Entity(plan.Table.LogicalName);
        foreach (var aggregate in aggregates)
        {
            var (alias, table, column) = plan.Attribute(aggregate.EntityAlias, aggregate.Attribute, aggregate.EntityAlias);
            var values = rows.Select(r => RowValues.Stored(r.RowOf(alias), column)).ToList();
            var result = AggregateCalculator.Calculate(aggregate.Type, column, values);
            entity.Attributes[aggregate.Alias] = new AliasedValue(table.LogicalName, column.LogicalName, result);
        }

        var collection = new EntityCollection { EntityName = plan.Table.LogicalName, TotalRecordCount = -1 };
        collection.Entities.Add(entity);
        return collection;
    }

    private List<ProjectedRow> Project(QueryPlan plan, List<JoinedRow> rows, IReadOnlyList<ColumnDefinition> columns)
    {
        var includeKey = !plan.Query.Distinct || columns.Any(c => c.Kind == ColumnKind.PrimaryKey);
        var links = plan.AllLinks.Where(l => !l.IsSemiJoin).Select(l => (Node: l, Columns: RecordReader.Select(l.Table, l.Link.Columns ?? new ColumnSet()))).ToList();
        var result = new List<ProjectedRow>(rows.Count);
        foreach (var row in rows)
        {
            var entity = _reader.ToEntity(plan.Table, row.Primary, columns, includeKey);
            foreach (var (node, linkColumns) in links)
            {
                var linked = row.RowOf(node.Alias);
                if (linked is null) continue;
                foreach (var column in linkColumns)
                {
                    var value = _reader.Value(column, linked);
                    if (value is not null) entity.Attributes[node.Alias + "." + column.LogicalName] = new AliasedValue(node.Table.LogicalName, column.LogicalName, value);
                }
            }

            result.Add(new ProjectedRow(row.Primary.Id, entity));
        }

        return result;
    }

    private static List<ProjectedRow> Distinct(List<ProjectedRow> rows)
    {
        var seen = new HashSet<string>();
        return rows.Where(r => seen.Add(Signature(r.Entity))).ToList();
    }

    private static string Signature(Entity entity)
    {
        return string.Join("\u001e", entity.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + SignatureOf(a.Value)));
    }

    private static string SignatureOf(object? value)
    {
        return value switch
        {
            AliasedValue aliased => SignatureOf(aliased.Value),
            EntityReference r => r.Id.ToString(),
            OptionSetValue o => o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Money m => m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string s => s.TrimEnd(' ').ToUpperInvariant(),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? string.Empty,
        };
    }
}
