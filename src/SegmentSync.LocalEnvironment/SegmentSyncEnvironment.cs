using System.Reflection;
using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator;
using SegmentSync.Emulator.Journeys;
using SegmentSync.Plugins.Import;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Content;

namespace SegmentSync.LocalEnvironment;

/// <summary>
/// A local Dataverse with what a maker's environment has after installing SegmentSync: the Journeys outbound
/// marketing model, SegmentSync's tables and its Custom APIs, run by the real plug-in classes.
/// </summary>
public sealed class SegmentSyncEnvironment
{
    private SegmentSyncEnvironment(InMemoryDataverse dataverse, OutboundMarketing? outbound, RealTimeJourneys? realTime)
    {
        Dataverse = dataverse;
        _outbound = outbound;
        _realTime = realTime;
    }

    private readonly OutboundMarketing? _outbound;
    private readonly RealTimeJourneys? _realTime;

    public InMemoryDataverse Dataverse { get; }

    /// <summary>Emulator-only view of outbound segments' members (the documented API cannot read them).</summary>
    public OutboundMarketing Outbound => _outbound ?? throw new InvalidOperationException("This environment has no outbound marketing tables.");

    /// <summary>Emulator-only view of real-time segment definitions' static members.</summary>
    public RealTimeJourneys RealTime => _realTime ?? throw new InvalidOperationException("This environment has no real-time journeys tables.");

    /// <summary>
    /// An environment with the Journeys segment models <paramref name="models"/> (both by default, as an environment
    /// that had outbound marketing before its removal) and SegmentSync installed.
    /// </summary>
    /// <param name="guardOn">
    /// Whether to switch the manual-edit guard on, as an admin does after importing the solution; false for an
    /// organization about to be restored from a database, whose step records say whether the guard is on.
    /// </param>
    public static SegmentSyncEnvironment Create(TimeProvider? clock = null, JourneysModels models = JourneysModels.Both, bool guardOn = true)
    {
        var dataverse = new InMemoryDataverse(clock);
        var outbound = models.HasFlag(JourneysModels.Outbound) ? OutboundMarketingModel.Install(dataverse) : null;
        var realTime = models.HasFlag(JourneysModels.RealTime) ? RealTimeJourneysModel.Install(dataverse) : null;
        SegmentSyncTables.Register(dataverse);
        EnvironmentVariables.Register(dataverse);
        RegisterCustomApis(dataverse);
        InstallRoles(dataverse);
        EntityCatalog.Register(dataverse);
        var registration = PluginRegistrationCatalog.Install(dataverse);
        foreach (var type in typeof(ImportSegmentPlugin).Assembly.GetTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract))
        {
            registration.AddPluginType(type, SegmentSync.Solution.Generation.ComponentXml.PluginTypeId(type.FullName!));
        }

        return Ready(dataverse, outbound, realTime, guardOn);
    }

    /// <summary>
    /// An environment into which the packed solution <paramref name="solutionZip"/> was imported: SegmentSync's tables,
    /// settings and Custom APIs come from the zip's metadata and its plug-ins are the zip's own net462 assembly, as in a
    /// maker's environment (SegmentSync.Solution.Installing).
    /// </summary>
    /// <param name="guardOn">As for <see cref="Create"/>.</param>
    public static SegmentSyncEnvironment FromSolution(string solutionZip, TimeProvider? clock = null, JourneysModels models = JourneysModels.Both, bool guardOn = true)
    {
        var dataverse = new InMemoryDataverse(clock);
        var outbound = models.HasFlag(JourneysModels.Outbound) ? OutboundMarketingModel.Install(dataverse) : null;
        var realTime = models.HasFlag(JourneysModels.RealTime) ? RealTimeJourneysModel.Install(dataverse) : null;
        EnvironmentVariables.Register(dataverse);
        var installed = SegmentSync.Solution.Installing.SolutionInstaller.Install(dataverse, SegmentSync.Solution.Installing.PackedSolution.Open(solutionZip));
        InstallRoles(dataverse);
        EntityCatalog.Register(dataverse);
        var registration = PluginRegistrationCatalog.Install(dataverse);
        foreach (var (id, type) in installed.PluginTypes)
        {
            registration.AddPluginType(type, id);
        }

        return Ready(dataverse, outbound, realTime, guardOn);
    }

    /// <summary>The static members of a segment of either model (the SegmentId an import reports).</summary>
    public IReadOnlyList<Guid> MembersOf(Guid segmentId) =>
        _realTime != null && _realTime.HasDefinition(segmentId) ? _realTime.MembersOf(segmentId) : Outbound.MembersOf(segmentId);

    /// <summary>A service for a caller outside Dataverse (the system user unless <paramref name="userId"/> is given).</summary>
    public IOrganizationService Service(Guid? userId = null) => Dataverse.GetService(userId);

    /// <summary>
    /// Creates the user that Customer Insights - Data (or a flow) calls the Custom APIs as, with the solution's
    /// integration role: the role grants the APIs' execute privilege, so the user may import, as a maker without the
    /// role may not.
    /// </summary>
    public Guid CreateIntegrationUser(string fullName = "SegmentSync integration")
    {
        var user = Dataverse.CreateUser(fullName);
        Dataverse.Security.AssignRole(user, SegmentSyncSolution.IntegrationRoleName);
        return user;
    }

    /// <summary>
    /// The integration user named <paramref name="fullName"/> (created with <see cref="CreateIntegrationUser"/> if the
    /// organization, restored from a database, has none yet), holding the integration role.
    /// </summary>
    public Guid IntegrationUser(string fullName = "SegmentSync integration")
    {
        var existing = Service().RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryByAttribute(SystemTables.SystemUser)
        {
            ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false),
            Attributes = { "fullname" },
            Values = { fullName },
        }).Entities.FirstOrDefault();
        if (existing is null)
        {
            return CreateIntegrationUser(fullName);
        }

        Dataverse.Security.AssignRole(existing.Id, SegmentSyncSolution.IntegrationRoleName);
        return existing.Id;
    }

    /// <summary>
    /// Calls <see cref="GuardSetupApi.ConfigureGuard"/> as <paramref name="userId"/> (SYSTEM by default), as an admin does
    /// after importing the solution: <paramref name="enabled"/> registers the manual-edit guard's steps for the segment
    /// models the environment has, false removes them.
    /// </summary>
    public OrganizationResponse ConfigureGuard(bool enabled, Guid? userId = null) =>
        Service(userId).Execute(new OrganizationRequest(GuardSetupApi.ConfigureGuard) { [GuardSetupApi.Enabled] = enabled });

    /// <summary>The environment as a maker's is once the admin's post-import steps are done: the guard is on.</summary>
    private static SegmentSyncEnvironment Ready(InMemoryDataverse dataverse, OutboundMarketing? outbound, RealTimeJourneys? realTime, bool guardOn)
    {
        var environment = new SegmentSyncEnvironment(dataverse, outbound, realTime);
        if (guardOn)
        {
            environment.ConfigureGuard(enabled: true);
        }

        return environment;
    }

    /// <summary>Defines the solution's security roles (the integration role, the run history reader) in the emulator.</summary>
    public static void InstallRoles(InMemoryDataverse dataverse)
    {
        var prefix = ExternalSegmentTable.LogicalName.Substring(0, ExternalSegmentTable.LogicalName.IndexOf('_') + 1);
        var tables = dataverse.Metadata.Tables.Select(t => t.LogicalName).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        foreach (var role in SegmentSyncSolution.Roles(tables))
        {
            dataverse.Security.AddRole(role.Name, role.Privileges.Select(p => p.Name));
        }
    }

    /// <summary>Sets an environment variable's current value (null clears it, so its default applies).</summary>
    public void SetSetting(string schemaName, string? value) => EnvironmentVariables.Set(Service(), schemaName, value);

    /// <summary>Registers every Custom API the plug-in assembly declares, bound to the plug-in type its metadata names.</summary>
    public static void RegisterCustomApis(InMemoryDataverse dataverse)
    {
        var pluginAssembly = typeof(ImportSegmentPlugin).Assembly;
        foreach (var api in CustomApis.All)
        {
            var pluginType = pluginAssembly.GetType(api.PluginTypeName, throwOnError: false)
                ?? throw new InvalidOperationException($"Custom API {api.UniqueName} names plug-in type {api.PluginTypeName}, which {pluginAssembly.GetName().Name} does not contain.");
            dataverse.Plugins.RegisterCustomApi(ToDefinition(api), () => CreatePlugin(pluginType));
        }
    }

    private static IPlugin CreatePlugin(Type pluginType) =>
        (IPlugin)(Activator.CreateInstance(pluginType, BindingFlags.Public | BindingFlags.Instance, null, [string.Empty, string.Empty], null)
            ?? throw new InvalidOperationException($"Cannot create {pluginType.FullName}."));

    private static CustomApiDefinition ToDefinition(CustomApiDescriptor api)
    {
        var definition = new CustomApiDefinition { UniqueName = api.UniqueName, IsFunction = api.IsFunction, ExecutePrivilegeName = api.ExecutePrivilegeName };
        definition.RequestParameters.AddRange(api.RequestParameters.Select(ToParameter));
        definition.ResponseProperties.AddRange(api.ResponseProperties.Select(ToParameter));
        return definition;
    }

    private static CustomApiParameter ToParameter(ApiField field) =>
        new(field.UniqueName, (CustomApiFieldType)(int)field.Type, field.IsOptional);
}
