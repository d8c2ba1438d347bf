using System;
using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Emulator;

/// <summary>
/// A small privilege model: a role is a named set of privilege names (prvWriteaccount, prvBulkDelete, ...), a user
/// holds roles, and the SYSTEM user holds every privilege. The pipeline enforces a Custom API's
/// <see cref="CustomApiDefinition.ExecutePrivilegeName"/> (a caller without that privilege is refused before the
/// API's plug-in runs), and <see cref="PluginRegistrationCatalog"/> the privileges of writing plug-in steps. Table privileges, access levels (all are treated as Global), business units, teams and
/// sharing are not enforced. Thread-safe.
/// </summary>
public sealed class SecurityModel
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SecurityRole> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, HashSet<string>> _userRoles = new();
    private readonly Guid _systemUserId;
    private readonly Func<Guid, bool> _userExists;

    internal SecurityModel(Guid systemUserId, Func<Guid, bool> userExists)
    {
        _systemUserId = systemUserId;
        _userExists = userExists;
    }

    /// <summary>The roles defined so far.</summary>
    public IReadOnlyList<SecurityRole> Roles
    {
        get { lock (_gate) return _roles.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToList(); }
    }

    /// <summary>Defines (or redefines) the role <paramref name="name"/> with <paramref name="privileges"/>.</summary>
    public SecurityRole AddRole(string name, IEnumerable<string> privileges)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(privileges);
        var set = new HashSet<string>(privileges.Where(p => !string.IsNullOrWhiteSpace(p)), StringComparer.OrdinalIgnoreCase);
        lock (_gate)
        {
            var id = _roles.TryGetValue(name, out var existing) ? existing.Id : Guid.NewGuid();
            var role = new SecurityRole(id, name, set);
            _roles[name] = role;
            return role;
        }
    }

    /// <summary>Gives <paramref name="userId"/> the role <paramref name="roleName"/> (defined with <see cref="AddRole"/>).</summary>
    public void AssignRole(Guid userId, string roleName)
    {
        if (!_userExists(userId)) throw new ArgumentException($"No systemuser with id {userId}; create it with CreateUser.", nameof(userId));
        lock (_gate)
        {
            if (!_roles.ContainsKey(roleName)) throw new ArgumentException($"No role named '{roleName}'; define it with AddRole.", nameof(roleName));
            if (!_userRoles.TryGetValue(userId, out var roles)) _userRoles[userId] = roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            roles.Add(roleName);
        }
    }

    /// <summary>Takes the role <paramref name="roleName"/> away from <paramref name="userId"/> (nothing happens if it had none).</summary>
    public void RemoveRole(Guid userId, string roleName)
    {
        lock (_gate)
        {
            if (_userRoles.TryGetValue(userId, out var roles)) roles.Remove(roleName);
        }
    }

    /// <summary>The names of the roles <paramref name="userId"/> holds.</summary>
    public IReadOnlyList<string> RolesOf(Guid userId)
    {
        lock (_gate) return _userRoles.TryGetValue(userId, out var roles) ? roles.OrderBy(r => r, StringComparer.Ordinal).ToList() : new List<string>();
    }

    /// <summary>True when <paramref name="userId"/> is the SYSTEM user or one of its roles holds <paramref name="privilegeName"/>.</summary>
    public bool HasPrivilege(Guid userId, string privilegeName)
    {
        if (userId == _systemUserId) return true;
        lock (_gate)
        {
            return _userRoles.TryGetValue(userId, out var roles)
                && roles.Any(name => _roles.TryGetValue(name, out var role) && role.Privileges.Contains(privilegeName));
        }
    }

    /// <summary>
    /// Refuses <paramref name="userId"/> unless it holds <paramref name="privilegeName"/>; <paramref name="action"/> says
    /// what it tried ("register a plug-in step").
    /// </summary>
    public void Demand(Guid userId, string privilegeName, string action)
    {
        if (!HasPrivilege(userId, privilegeName)) throw Refusal(userId, privilegeName, $"which is needed to {action}.");
    }

    /// <summary>Refuses <paramref name="userId"/> the Custom API <paramref name="api"/> unless it holds the API's execute privilege.</summary>
    internal void DemandExecute(Guid userId, CustomApiDefinition api)
    {
        var privilege = api.ExecutePrivilegeName;
        if (string.IsNullOrEmpty(privilege) || HasPrivilege(userId, privilege)) return;
        throw Refusal(userId, privilege, $"which {api.UniqueName} requires. Ask an administrator for a security role that grants it.");
    }

    /// <summary>Dataverse's missing-privilege fault: who, how many roles it holds, which privilege, and what for.</summary>
    private Exception Refusal(Guid userId, string privilege, string purpose) => DataverseFault.Create(
        ErrorCodes.PrivilegeDenied,
        $"Principal user (Id={userId}, type=8, roleCount={RolesOf(userId).Count}) is missing {privilege} privilege, {purpose}");
}

/// <summary>A security role: its id, name and privilege names (compared case-insensitively).</summary>
public sealed record SecurityRole(Guid Id, string Name, IReadOnlySet<string> Privileges);
