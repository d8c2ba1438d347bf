using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>The columns to return: either <see cref="AllColumns"/> or the named <see cref="Columns"/>.</summary>
public sealed class ColumnSet : IExtensibleDataObject
{
    private DataCollection<string> _columns = new DataCollection<string>();
    private DataCollection<XrmAttributeExpression> _attributeExpressions = new DataCollection<XrmAttributeExpression>();

    public ColumnSet()
    {
    }

    public ColumnSet(bool allColumns)
    {
        AllColumns = allColumns;
    }

    public ColumnSet(params string[] columns)
    {
        _columns.AddRange(columns);
    }

    public bool AllColumns { get; set; }

    public DataCollection<string> Columns
    {
        get => _columns;
        set => _columns = value;
    }

    public DataCollection<XrmAttributeExpression> AttributeExpressions
    {
        get => _attributeExpressions;
        set => _attributeExpressions = value;
    }

    public bool HasLazyFileAttribute { get; set; }

    public string LazyFileAttributeEntityName { get; set; }

    public string LazyFileAttributeKey { get; set; }

    public Lazy<object> LazyFileAttributeValue { get; set; }

    public int LazyFileAttributeSizeLimit { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public void AddColumns(params string[] columns)
    {
        _columns.AddRange(columns);
    }

    public void AddColumn(string column)
    {
        _columns.Add(column);
    }
}
