using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// Translates the FetchXML subset the emulator supports into a QueryExpression: entity, attribute /
/// all-attributes, filter/condition, order, link-entity (inner, outer, exists, in, any, not any) with alias,
/// top/count/page/paging-cookie/distinct/returntotalrecordcount, and aggregate columns without group by.
/// </summary>
internal static class FetchXmlParser
{
    private static readonly Dictionary<string, ConditionOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = ConditionOperator.Equal,
        ["ne"] = ConditionOperator.NotEqual,
        ["neq"] = ConditionOperator.NotEqual,
        ["gt"] = ConditionOperator.GreaterThan,
        ["ge"] = ConditionOperator.GreaterEqual,
        ["lt"] = ConditionOperator.LessThan,
        ["le"] = ConditionOperator.LessEqual,
        ["like"] = ConditionOperator.Like,
        ["not-like"] = ConditionOperator.NotLike,
        ["in"] = ConditionOperator.In,
        ["not-in"] = ConditionOperator.NotIn,
        ["between"] = ConditionOperator.Between,
        ["not-between"] = ConditionOperator.NotBetween,
        ["null"] = ConditionOperator.Null,
        ["not-null"] = ConditionOperator.NotNull,
        ["begins-with"] = ConditionOperator.BeginsWith,
        ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith,
        ["not-end-with"] = ConditionOperator.DoesNotEndWith,
        ["eq-userid"] = ConditionOperator.EqualUserId,
        ["ne-userid"] = ConditionOperator.NotEqualUserId,
        ["eq-businessid"] = ConditionOperator.EqualBusinessId,
        ["ne-businessid"] = ConditionOperator.NotEqualBusinessId,
    };

    private static readonly Dictionary<string, JoinOperator> JoinTypes = new(StringComparer.Ordinal)
    {
        ["inner"] = JoinOperator.Inner,
        ["outer"] = JoinOperator.LeftOuter,
        ["exists"] = JoinOperator.Exists,
        ["in"] = JoinOperator.In,
        ["any"] = JoinOperator.Any,
        ["not any"] = JoinOperator.NotAny,
    };

    private static readonly Dictionary<string, XrmAggregateType> AggregateTypes = new(StringComparer.Ordinal)
    {
        ["count"] = XrmAggregateType.Count,
        ["countcolumn"] = XrmAggregateType.CountColumn,
        ["sum"] = XrmAggregateType.Sum,
        ["avg"] = XrmAggregateType.Avg,
        ["min"] = XrmAggregateType.Min,
        ["max"] = XrmAggregateType.Max,
    };

    /// <summary>A parsed fetch: the query and, for aggregate fetches, the aggregate columns.</summary>
    public sealed record Result(QueryExpression Query, IReadOnlyList<Aggregate> Aggregates);

    public static Result Parse(string? fetchXml)
    {
        XElement fetch;
        try
        {
            fetch = XElement.Parse(fetchXml ?? string.Empty);
        }
        catch (XmlException e)
        {
            throw DataverseFault.InvalidArgument("Invalid FetchXML: " + e.Message);
        }

        if (fetch.Name.LocalName != "fetch") throw DataverseFault.InvalidArgument("FetchXML must start with <fetch>.");
        var entity = fetch.Element("entity") ?? throw DataverseFault.InvalidArgument("FetchXML needs an <entity>.");
        var query = new QueryExpression(Required(entity, "name")) { ColumnSet = new ColumnSet() };
        ApplyFetchAttributes(fetch, query);
        var isAggregate = Bool(fetch, "aggregate");
        var aggregates = new List<Aggregate>();
        ReadColumns(entity, query.ColumnSet, null, isAggregate, aggregates);
        foreach (var filter in entity.Elements("filter")) query.Criteria.AddFilter(Filter(filter));
        foreach (var order in entity.Elements("order")) query.Orders.Add(Order(order));
        foreach (var link in entity.Elements("link-entity")) query.LinkEntities.Add(Link(link, query.EntityName, isAggregate, aggregates));
        return new Result(query, aggregates);
    }

    private static void ApplyFetchAttributes(XElement fetch, QueryExpression query)
    {
        if (Int(fetch, "top") is int top) query.TopCount = top;
        if (Int(fetch, "count") is int count) query.PageInfo.Count = count;
        if (Int(fetch, "page") is int page) query.PageInfo.PageNumber = page;
        query.PageInfo.PagingCookie = (string?)fetch.Attribute("paging-cookie");
        query.PageInfo.ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount");
        query.Distinct = Bool(fetch, "distinct");
    }

    private static void ReadColumns(XElement element, ColumnSet columns, string? alias, bool isAggregate, List<Aggregate> aggregates)
    {
        if (element.Element("all-attributes") is not null) columns.AllColumns = true;
        foreach (var attribute in element.Elements("attribute"))
        {
            var name = Required(attribute, "name");
            if (!isAggregate)
            {
                columns.AddColumn(name);
                continue;
            }

            var kind = (string?)attribute.Attribute("aggregate");
            if (kind is null || !AggregateTypes.TryGetValue(kind, out var type))
                throw DataverseFault.NotSupported($"The emulator supports aggregate fetches with count, countcolumn, sum, avg, min or max only (attribute '{name}').");
            aggregates.Add(new Aggregate(alias, name, type, Required(attribute, "alias")));
        }
    }

    private static LinkEntity Link(XElement element, string parentName, bool isAggregate, List<Aggregate> aggregates)
    {
        var name = Required(element, "name");
        var type = (string?)element.Attribute("link-type") ?? "inner";
        if (!JoinTypes.TryGetValue(type, out var join)) throw DataverseFault.NotSupported($"The emulator does not support link-type '{type}'.");

        // In FetchXML "from" is the linked entity's column and "to" the parent's: the reverse of LinkEntity's naming.
        var link = new LinkEntity(parentName, name, Required(element, "to"), Required(element, "from"), join)
        {
            EntityAlias = (string?)element.Attribute("alias"),
            Columns = new ColumnSet(),
        };
        ReadColumns(element, link.Columns, link.EntityAlias ?? name, isAggregate, aggregates);
        foreach (var filter in element.Elements("filter")) (link.LinkCriteria ??= new FilterExpression()).AddFilter(Filter(filter));
        foreach (var order in element.Elements("order")) link.Orders.Add(Order(order));
        foreach (var child in element.Elements("link-entity")) link.LinkEntities.Add(Link(child, name, isAggregate, aggregates));
        return link;
    }

    private static FilterExpression Filter(XElement element)
    {
        var type = (string?)element.Attribute("type") ?? "and";
        var filter = new FilterExpression(type == "or" ? LogicalOperator.Or : LogicalOperator.And);
        foreach (var condition in element.Elements("condition")) filter.AddCondition(Condition(condition));
        foreach (var child in element.Elements("filter")) filter.AddFilter(Filter(child));
        return filter;
    }

    private static ConditionExpression Condition(XElement element)
    {
        var op = Required(element, "operator");
        if (!Operators.TryGetValue(op, out var conditionOperator)) throw DataverseFault.NotSupported($"The emulator does not support the FetchXML operator '{op}'.");
        var values = element.Elements("value").Select(v => (object)v.Value).ToList();
        if ((string?)element.Attribute("value") is string single) values.Insert(0, single);
        var condition = new ConditionExpression(Required(element, "attribute"), conditionOperator, values.ToArray())
        {
            EntityName = (string?)element.Attribute("entityname"),
        };
        return condition;
    }

    private static OrderExpression Order(XElement element)
    {
        var attribute = (string?)element.Attribute("attribute")
            ?? throw DataverseFault.NotSupported("The emulator supports <order attribute=\"...\"> only.");
        return new OrderExpression(attribute, Bool(element, "descending") ? OrderType.Descending : OrderType.Ascending);
    }

    private static string Required(XElement element, string attribute)
    {
        return (string?)element.Attribute(attribute)
            ?? throw DataverseFault.InvalidArgument($"FetchXML <{element.Name.LocalName}> needs the attribute '{attribute}'.");
    }

    private static bool Bool(XElement element, string attribute)
    {
        var value = (string?)element.Attribute(attribute);
        return value is "true" or "1";
    }

    private static int? Int(XElement element, string attribute)
    {
        var value = (string?)element.Attribute(attribute);
        if (value is null) return null;
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw DataverseFault.InvalidArgument($"FetchXML attribute '{attribute}' must be a number.");
    }
}
