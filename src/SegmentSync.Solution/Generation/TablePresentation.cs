namespace SegmentSync.Solution.Generation;

/// <summary>What a maker sees of a table: its names, its columns' labels, its main form and its views.</summary>
public sealed class TablePresentation
{
    public required string LogicalName { get; init; }
    public required string DisplayName { get; init; }
    public required string PluralName { get; init; }
    public required string Description { get; init; }

    /// <summary>Label and description of every column (system columns included).</summary>
    public required IReadOnlyDictionary<string, ColumnLabel> Columns { get; init; }

    /// <summary>Labels of choice columns' options, by column then value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, string>> OptionLabels { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<int, string>>();

    /// <summary>The main form's sections, each a label and its columns.</summary>
    public required IReadOnlyList<FormSection> Form { get; init; }

    /// <summary>The public views; the first is the default.</summary>
    public required IReadOnlyList<ViewDefinition> Views { get; init; }

    /// <summary>Columns the quick find searches.</summary>
    public required IReadOnlyList<string> QuickFindColumns { get; init; }

    public ColumnLabel Label(string column) =>
        Columns.TryGetValue(column, out var label)
            ? label
            : throw new SolutionException($"Column {LogicalName}.{column} has no display name: add it to the table's presentation.");
}

/// <summary>A column's display name and description.</summary>
public sealed record ColumnLabel(string DisplayName, string Description);

/// <summary>A section of the main form.</summary>
public sealed record FormSection(string Label, IReadOnlyList<string> Columns);

/// <summary>A public view: its columns, its order and an optional filter (column, operator, value).</summary>
public sealed record ViewDefinition(
    string Name,
    IReadOnlyList<string> Columns,
    string OrderBy,
    bool Descending,
    IReadOnlyList<ViewCondition>? Conditions = null);

/// <summary>A FetchXML condition of a view.</summary>
public sealed record ViewCondition(string Attribute, string Operator, string? Value = null);
