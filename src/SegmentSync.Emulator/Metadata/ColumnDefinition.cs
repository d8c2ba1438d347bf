using System;
using System.Collections.Generic;

namespace SegmentSync.Emulator;

/// <summary>One column of a table: its kind and the limits Dataverse enforces on writes.</summary>
public sealed class ColumnDefinition
{
    internal ColumnDefinition(string logicalName, ColumnKind kind)
    {
        LogicalName = logicalName;
        Kind = kind;
    }

    /// <summary>The column's logical name (lower case, as Dataverse spells it in the SDK).</summary>
    public string LogicalName { get; }

    /// <summary>The column's type.</summary>
    public ColumnKind Kind { get; }

    /// <summary>For String and Memo: the maximum number of characters.</summary>
    public int MaxLength { get; internal init; } = int.MaxValue;

    /// <summary>For Integer: the smallest accepted value.</summary>
    public long MinValue { get; internal init; } = long.MinValue;

    /// <summary>For Integer: the largest accepted value.</summary>
    public long MaxValue { get; internal init; } = long.MaxValue;

    /// <summary>True when Create must supply a value and Update may not clear it.</summary>
    public bool Required { get; internal init; }

    /// <summary>For Picklist, State and Status: the valid option values.</summary>
    public IReadOnlySet<int> Options { get; internal init; } = new HashSet<int>();

    /// <summary>For Picklist and Boolean: the value Create sets when the caller sets none.</summary>
    public object? DefaultValue { get; internal init; }

    /// <summary>For Lookup: the tables the reference may point to.</summary>
    public IReadOnlyList<string> Targets { get; internal init; } = Array.Empty<string>();

    /// <summary>True for columns the platform maintains (createdon, modifiedon, createdby, modifiedby): callers' values are ignored.</summary>
    public bool IsSystemManaged { get; internal init; }

    /// <summary>True when equality and In conditions on this column are served from an index.</summary>
    public bool Indexed { get; internal set; }

    /// <summary>The column's position in a stored row.</summary>
    internal int Ordinal { get; set; }

    /// <summary>True for kinds whose values are strings (case-insensitive comparison).</summary>
    public bool IsText => Kind is ColumnKind.String or ColumnKind.Memo;

    /// <summary>True for kinds whose SDK value is an OptionSetValue.</summary>
    public bool IsOptionSet => Kind is ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status;
}
