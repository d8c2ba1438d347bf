namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A query matching records whose <see cref="Attributes"/> equal the corresponding <see cref="Values"/>.</summary>
public sealed class QueryByAttribute : QueryBase
{
    private readonly DataCollection<string> _attributes = new DataCollection<string>();
    private readonly DataCollection<object> _values = new DataCollection<object>();
    private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

    public QueryByAttribute()
    {
        ColumnSet = new ColumnSet();
        PageInfo = new PagingInfo();
    }

    public QueryByAttribute(string entityName)
        : this()
    {
        EntityName = entityName;
    }

    public string EntityName { get; set; }

    public DataCollection<string> Attributes => _attributes;

    public DataCollection<object> Values => _values;

    public PagingInfo PageInfo { get; set; }

    public ColumnSet ColumnSet { get; set; }

    public DataCollection<OrderExpression> Orders => _orders;

    public int? TopCount { get; set; }

    public void AddOrder(string attributeName, OrderType orderType)
    {
        _orders.Add(new OrderExpression(attributeName, orderType));
    }

    public void AddAttributeValue(string attributeName, object value)
    {
        _attributes.Add(attributeName);
        _values.Add(value);
    }
}
