using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A join from <see cref="LinkFromEntityName"/>.<see cref="LinkFromAttributeName"/> to <see cref="LinkToEntityName"/>.<see cref="LinkToAttributeName"/>.</summary>
public sealed class LinkEntity : IExtensibleDataObject
{
    private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
    private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

    public LinkEntity()
    {
        Columns = new ColumnSet();
        LinkCriteria = new FilterExpression();
    }

    public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        : this()
    {
        LinkFromEntityName = linkFromEntityName;
        LinkToEntityName = linkToEntityName;
        LinkFromAttributeName = linkFromAttributeName;
        LinkToAttributeName = linkToAttributeName;
        JoinOperator = joinOperator;
    }

    public string LinkFromAttributeName { get; set; }

    public string LinkFromEntityName { get; set; }

    public string LinkToEntityName { get; set; }

    public string LinkToAttributeName { get; set; }

    public JoinOperator JoinOperator { get; set; }

    public FilterExpression LinkCriteria { get; set; }

    public DataCollection<LinkEntity> LinkEntities => _linkEntities;

    public ColumnSet Columns { get; set; }

    public string EntityAlias { get; set; }

    public DataCollection<OrderExpression> Orders => _orders;

    public ExtensionDataObject ExtensionData { get; set; }

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
    {
        return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
    }

    /// <summary>Adds and returns a nested link from this link's <see cref="LinkToEntityName"/>.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        _linkEntities.Add(link);
        return link;
    }
}
