using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Emulator;

/// <summary>
/// A table's metadata, built fluently and registered with <see cref="MetadataRegistry.AddTable"/>. Registration adds
/// the columns every Dataverse table has: the primary key, createdon, modifiedon, createdby, modifiedby and ownerid.
/// </summary>
/// <remarks>Methods are named after Dataverse's column types, so inside this class the CLR types are written in full.</remarks>
public sealed class TableDefinition
{
    /// <summary>createdon, set by Create.</summary>
    public const string CreatedOn = "createdon";

    /// <summary>modifiedon, set by Create and Update.</summary>
    public const string ModifiedOn = "modifiedon";

    /// <summary>createdby, the calling user at Create.</summary>
    public const string CreatedBy = "createdby";

    /// <summary>modifiedby, the calling user at Create and Update.</summary>
    public const string ModifiedBy = "modifiedby";

    /// <summary>ownerid, the calling user unless Create sets it.</summary>
    public const string OwnerId = "ownerid";

    /// <summary>statecode, present when <see cref="StateStatus"/> was called.</summary>
    public const string StateCode = "statecode";

    /// <summary>statuscode, present when <see cref="StateStatus"/> was called.</summary>
    public const string StatusCode = "statuscode";

    private readonly Dictionary<string, ColumnDefinition> _columns = new(System.StringComparer.Ordinal);
    private readonly List<AlternateKeyDefinition> _keys = new();
    private readonly List<StatusOption> _statuses = new();
    private readonly Dictionary<int, HashSet<int>> _transitions = new();
    private readonly HashSet<string> _indexRequests = new(System.StringComparer.Ordinal);
    private ColumnDefinition[] _ordered = System.Array.Empty<ColumnDefinition>();

    /// <summary>Starts a table definition.</summary>
    /// <param name="logicalName">The table's logical name (e.g. contact).</param>
    /// <param name="primaryIdAttribute">The primary key column (e.g. contactid).</param>
    /// <param name="primaryNameAttribute">The primary name column; declared as String(name, 100) unless declared otherwise.</param>
    /// <param name="entitySetName">The Web API entity set name; defaults to the logical name + "s".</param>
    public TableDefinition(string logicalName, string primaryIdAttribute, string? primaryNameAttribute = null, string? entitySetName = null)
    {
        if (string.IsNullOrWhiteSpace(logicalName)) throw new System.ArgumentException("A table needs a logical name.", nameof(logicalName));
        if (string.IsNullOrWhiteSpace(primaryIdAttribute)) throw new System.ArgumentException("A table needs a primary key.", nameof(primaryIdAttribute));
        LogicalName = logicalName;
        PrimaryIdAttribute = primaryIdAttribute;
        PrimaryNameAttribute = primaryNameAttribute;
        EntitySetName = entitySetName ?? logicalName + "s";
        Add(new ColumnDefinition(primaryIdAttribute, ColumnKind.PrimaryKey) { Indexed = true });
    }

    /// <summary>The table's logical name.</summary>
    public string LogicalName { get; }

    /// <summary>The primary key column.</summary>
    public string PrimaryIdAttribute { get; }

    /// <summary>The primary name column, if any (its value fills EntityReference.Name on reads).</summary>
    public string? PrimaryNameAttribute { get; }

    /// <summary>The Web API entity set name.</summary>
    public string EntitySetName { get; }

    /// <summary>True once registered: a registered table's columns no longer change.</summary>
    public bool IsRegistered { get; private set; }

    /// <summary>True for the intersect tables the emulator creates for N:N relationships (no system columns).</summary>
    public bool IsIntersect { get; private set; }

    /// <summary>The columns in ordinal order.</summary>
    public IReadOnlyList<ColumnDefinition> Columns => _ordered.Length > 0 ? _ordered : _columns.Values.ToList();

    /// <summary>The alternate keys.</summary>
    public IReadOnlyList<AlternateKeyDefinition> AlternateKeys => _keys;

    /// <summary>The valid statecode/statuscode pairs (empty when the table has no state).</summary>
    public IReadOnlyList<StatusOption> Statuses => _statuses;

    /// <summary>True when <see cref="AllowStatusTransitions"/> restricts statuscode changes on Update.</summary>
    public bool EnforcesStatusTransitions => _transitions.Count > 0;

    /// <summary>A single line of text of at most <paramref name="maxLength"/> characters.</summary>
    public TableDefinition String(string name, int maxLength, bool required = false)
    {
        return Add(new ColumnDefinition(name, ColumnKind.String) { MaxLength = maxLength, Required = required });
    }

    /// <summary>Multiple lines of text of at most <paramref name="maxLength"/> characters.</summary>
    public TableDefinition Memo(string name, int maxLength, bool required = false)
    {
        return Add(new ColumnDefinition(name, ColumnKind.Memo) { MaxLength = maxLength, Required = required });
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public TableDefinition Integer(string name, int min = int.MinValue, int max = int.MaxValue, bool required = false)
    {
        return Add(new ColumnDefinition(name, ColumnKind.Integer) { MinValue = min, MaxValue = max, Required = required });
    }

    /// <summary>A big integer (long).</summary>
    public TableDefinition BigInt(string name) => Add(new ColumnDefinition(name, ColumnKind.BigInt));

    /// <summary>A decimal number.</summary>
    public TableDefinition Decimal(string name) => Add(new ColumnDefinition(name, ColumnKind.Decimal));

    /// <summary>A currency value (Money).</summary>
    public TableDefinition Money(string name) => Add(new ColumnDefinition(name, ColumnKind.Money));

    /// <summary>Two options (bool), set to <paramref name="defaultValue"/> by Create when given.</summary>
    public TableDefinition Boolean(string name, bool? defaultValue = null)
    {
        return Add(new ColumnDefinition(name, ColumnKind.Boolean) { DefaultValue = defaultValue });
    }

    /// <summary>A date and time, stored as UTC with whole seconds.</summary>
    public TableDefinition DateTime(string name, bool required = false)
    {
        return Add(new ColumnDefinition(name, ColumnKind.DateTime) { Required = required });
    }

    /// <summary>A uniqueidentifier column (Guid).</summary>
    public TableDefinition Guid(string name) => Add(new ColumnDefinition(name, ColumnKind.Guid));

    /// <summary>A choice among <paramref name="options"/>, set to <paramref name="defaultValue"/> by Create when given.</summary>
    public TableDefinition Picklist(string name, int[] options, int? defaultValue = null, bool required = false)
    {
        System.ArgumentNullException.ThrowIfNull(options);
        if (defaultValue is int d && !options.Contains(d)) throw new System.ArgumentException($"Default {d} is not one of the options of {name}.", nameof(defaultValue));
        return Add(new ColumnDefinition(name, ColumnKind.Picklist)
        {
            Options = new HashSet<int>(options),
            DefaultValue = defaultValue,
            Required = required,
        });
    }

    /// <summary>
    /// statecode and statuscode with their valid pairs. Create sets state 0 and its default status when the caller
    /// sets neither; setting only statecode picks that state's default status.
    /// </summary>
    public TableDefinition StateStatus(params (int State, int Status, bool IsDefaultForState)[] statuses)
    {
        System.ArgumentNullException.ThrowIfNull(statuses);
        if (statuses.Length == 0) throw new System.ArgumentException("At least one status is needed.", nameof(statuses));
        _statuses.Clear();
        _statuses.AddRange(statuses.Select(s => new StatusOption(s.State, s.Status, s.IsDefaultForState)));
        foreach (var state in _statuses.Select(s => s.State).Distinct())
        {
            if (_statuses.Count(s => s.State == state && s.IsDefaultForState) != 1)
                throw new System.ArgumentException($"State {state} needs exactly one default status.", nameof(statuses));
        }

        if (_statuses.Select(s => s.Status).Distinct().Count() != _statuses.Count)
            throw new System.ArgumentException("Each status value must be unique.", nameof(statuses));
        if (!_statuses.Any(s => s.State == 0)) throw new System.ArgumentException("State 0 (active) is required.", nameof(statuses));
        Add(new ColumnDefinition(StateCode, ColumnKind.State) { Options = new HashSet<int>(_statuses.Select(s => s.State)) });
        return Add(new ColumnDefinition(StatusCode, ColumnKind.Status) { Options = new HashSet<int>(_statuses.Select(s => s.Status)) });
    }

    /// <summary>
    /// Restricts Update's statuscode changes (like the table setting "enforce state transitions"): from
    /// <paramref name="fromStatus"/> only to <paramref name="toStatuses"/>. Keeping the same status is always allowed.
    /// </summary>
    public TableDefinition AllowStatusTransitions(int fromStatus, params int[] toStatuses)
    {
        if (!_transitions.TryGetValue(fromStatus, out var set)) _transitions[fromStatus] = set = new HashSet<int>();
        set.UnionWith(toStatuses);
        return this;
    }

    /// <summary>A lookup to one of <paramref name="targets"/> (indexed, so joins and cascades on it are fast).</summary>
    public TableDefinition Lookup(string name, params string[] targets)
    {
        if (targets is null || targets.Length == 0) throw new System.ArgumentException("A lookup needs at least one target table.", nameof(targets));
        return Add(new ColumnDefinition(name, ColumnKind.Lookup) { Targets = targets.ToArray(), Indexed = true });
    }

    /// <summary>An alternate key over <paramref name="attributes"/> (unique, and served from an index).</summary>
    public TableDefinition AlternateKey(string keyName, params string[] attributes)
    {
        if (attributes is null || attributes.Length == 0) throw new System.ArgumentException("A key needs at least one column.", nameof(attributes));
        _keys.Add(new AlternateKeyDefinition(keyName, attributes.ToArray()));
        return this;
    }

    /// <summary>A secondary index: Equal and In conditions on <paramref name="attribute"/> are served without a scan.</summary>
    public TableDefinition Index(string attribute)
    {
        _indexRequests.Add(attribute);
        return this;
    }

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public ColumnDefinition? Column(string name)
    {
        return name is not null && _columns.TryGetValue(name, out var column) ? column : null;
    }

    /// <summary>The state/status pair for <paramref name="status"/>, or null.</summary>
    public StatusOption? Status(int status) => _statuses.FirstOrDefault(s => s.Status == status);

    /// <summary>The default status of <paramref name="state"/>, or null.</summary>
    public StatusOption? DefaultStatus(int state) => _statuses.FirstOrDefault(s => s.State == state && s.IsDefaultForState);

    /// <summary>True when Update may change statuscode from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool AllowsTransition(int from, int to)
    {
        if (from == to || !EnforcesStatusTransitions) return true;
        return _transitions.TryGetValue(from, out var allowed) && allowed.Contains(to);
    }

    /// <summary>Adds the system columns, applies index requests and fixes ordinals; called once by the registry.</summary>
    internal void Register(bool isIntersect = false)
    {
        if (IsRegistered) throw new System.InvalidOperationException($"Table {LogicalName} is already registered.");
        IsIntersect = isIntersect;
        if (PrimaryNameAttribute is not null && !_columns.ContainsKey(PrimaryNameAttribute)) String(PrimaryNameAttribute, 100);
        if (!isIntersect) AddSystemColumns();
        foreach (var name in _indexRequests.Concat(_keys.SelectMany(k => k.Attributes)))
        {
            var column = Column(name) ?? throw new System.ArgumentException($"Cannot index '{name}': {LogicalName} has no such column.");
            column.Indexed = true;
        }

        _ordered = _columns.Values.ToArray();
        for (var i = 0; i < _ordered.Length; i++) _ordered[i].Ordinal = i;
        IsRegistered = true;
    }

    private void AddSystemColumns()
    {
        AddIfMissing(new ColumnDefinition(CreatedOn, ColumnKind.DateTime) { IsSystemManaged = true });
        AddIfMissing(new ColumnDefinition(ModifiedOn, ColumnKind.DateTime) { IsSystemManaged = true });
        AddIfMissing(new ColumnDefinition(CreatedBy, ColumnKind.Lookup) { Targets = new[] { SystemTables.SystemUser }, IsSystemManaged = true });
        AddIfMissing(new ColumnDefinition(ModifiedBy, ColumnKind.Lookup) { Targets = new[] { SystemTables.SystemUser }, IsSystemManaged = true });
        AddIfMissing(new ColumnDefinition(OwnerId, ColumnKind.Lookup) { Targets = new[] { SystemTables.SystemUser } });
    }

    private void AddIfMissing(ColumnDefinition column)
    {
        if (!_columns.ContainsKey(column.LogicalName)) _columns.Add(column.LogicalName, column);
    }

    private TableDefinition Add(ColumnDefinition column)
    {
        if (IsRegistered) throw new System.InvalidOperationException($"Table {LogicalName} is registered; its columns can no longer change.");
        if (string.IsNullOrWhiteSpace(column.LogicalName)) throw new System.ArgumentException("A column needs a logical name.");
        if (column.LogicalName != column.LogicalName.ToLowerInvariant())
            throw new System.ArgumentException($"Column '{column.LogicalName}': logical names are lower case.");
        if (_columns.ContainsKey(column.LogicalName) && column.Kind != ColumnKind.State && column.Kind != ColumnKind.Status)
            throw new System.ArgumentException($"Column '{column.LogicalName}' is already defined on {LogicalName}.");
        _columns[column.LogicalName] = column;
        return this;
    }
}
