namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A structured query on one table: columns, criteria, orders, links and paging.</summary>
public sealed class QueryExpression : QueryBase
{
    private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
    private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

    public QueryExpression()
    {
        ColumnSet = new ColumnSet();
        Criteria = new FilterExpression();
        PageInfo = new PagingInfo();
    }

    public QueryExpression(string entityName)
        : this()
    {
        EntityName = entityName;
    }

    public bool Distinct { get; set; }

    public bool NoLock { get; set; }

    public QueryExpression SubQueryExpression { get; set; }

    public PagingInfo PageInfo { get; set; }

    public string QueryHints { get; set; }

    public string DataSource { get; set; }

    public DataCollection<LinkEntity> LinkEntities => _linkEntities;

    public FilterExpression Criteria { get; set; }

    public DataCollection<OrderExpression> Orders => _orders;

    public string EntityName { get; set; }

    public ColumnSet ColumnSet { get; set; }

    public int? TopCount { get; set; }

    public QueryExpression Accept(IQueryExpressionVisitor visitor)
    {
        return visitor.Visit(this);
    }

    public void AddOrder(string attributeName, OrderType orderType)
    {
        _orders.Add(new OrderExpression(attributeName, orderType));
    }

    public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
    {
        _orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));
    }

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
    {
        return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
    }

    /// <summary>Adds and returns a link from <see cref="EntityName"/>.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        _linkEntities.Add(link);
        return link;
    }
}
