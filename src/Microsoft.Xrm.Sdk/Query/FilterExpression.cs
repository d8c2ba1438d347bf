using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Conditions and child filters joined by <see cref="FilterOperator"/> (And by default).</summary>
public sealed class FilterExpression : IExtensibleDataObject
{
    private readonly DataCollection<ConditionExpression> _conditions = new DataCollection<ConditionExpression>();
    private readonly DataCollection<FilterExpression> _filters = new DataCollection<FilterExpression>();

    public FilterExpression()
    {
    }

    public FilterExpression(LogicalOperator filterOperator)
    {
        FilterOperator = filterOperator;
    }

    public LogicalOperator FilterOperator { get; set; }

    public string FilterHint { get; set; }

    public DataCollection<ConditionExpression> Conditions => _conditions;

    public DataCollection<FilterExpression> Filters => _filters;

    public bool IsQuickFindFilter { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
    {
        _conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));
    }

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
    {
        _conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));
    }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, params object[] values)
    {
        _conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));
    }

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, params object[] values)
    {
        _conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));
    }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
    {
        _conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));
    }

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
    {
        _conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));
    }

    public void AddCondition(ConditionExpression condition)
    {
        _conditions.Add(condition);
    }

    /// <summary>Adds and returns a new child filter.</summary>
    public FilterExpression AddFilter(LogicalOperator logicalOperator)
    {
        var filter = new FilterExpression(logicalOperator);
        _filters.Add(filter);
        return filter;
    }

    public void AddFilter(FilterExpression childFilter)
    {
        if (childFilter != null) _filters.Add(childFilter);
    }
}
