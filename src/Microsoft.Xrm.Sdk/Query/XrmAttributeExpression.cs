using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A column with an aggregate and/or grouping, for aggregate queries.</summary>
public sealed class XrmAttributeExpression : IExtensibleDataObject
{
    public XrmAttributeExpression()
    {
    }

    public XrmAttributeExpression(string attributeName)
    {
        AttributeName = attributeName;
    }

    public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType)
    {
        AttributeName = attributeName;
        AggregateType = aggregateType;
    }

    public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType, string alias)
    {
        AttributeName = attributeName;
        AggregateType = aggregateType;
        Alias = alias;
    }

    public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType, string alias, XrmDateTimeGrouping dateTimeGrouping)
    {
        AttributeName = attributeName;
        AggregateType = aggregateType;
        Alias = alias;
        DateTimeGrouping = dateTimeGrouping;
    }

    public string AttributeName { get; set; }

    public XrmAggregateType AggregateType { get; set; }

    public string Alias { get; set; }

    public bool HasGroupBy { get; set; }

    public XrmDateTimeGrouping DateTimeGrouping { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
