using System.Reflection;
using Microsoft.Xrm.Sdk;
using SegmentSync.Benchmarks.Profiling;
using SegmentSync.Emulator;
using SegmentSync.Emulator.Journeys;
using SegmentSync.LocalEnvironment;
using SegmentSync.Plugins.Import;
using SegmentSync.Plugins.Schema;
using LocalTables = SegmentSync.LocalEnvironment.SegmentSyncTables;

namespace SegmentSync.Benchmarks;

/// <summary>
/// The environment of <see cref="SegmentSyncEnvironment.Create"/> (both Journeys segment models, SegmentSync's tables,
/// environment variables, Custom APIs bound to the real plug-in classes, the solution's roles, the entity catalog),
/// built the same way except that each plug-in is wrapped in a <see cref="ProfilingPlugin"/>. <see cref="FidelityCheck"/>
/// verifies both issue the same requests.
/// </summary>
public sealed class BenchEnvironment
{
    private readonly Func<Guid, int> _outboundCount;
    private readonly RealTimeJourneys _realTime;

    private BenchEnvironment(InMemoryDataverse dataverse, CallProfiler profiler, Func<Guid, int> outboundCount, RealTimeJourneys realTime)
    {
        Dataverse = dataverse;
        Profiler = profiler;
        _outboundCount = outboundCount;
        _realTime = realTime;
    }

    public InMemoryDataverse Dataverse { get; }
    public CallProfiler Profiler { get; }

    public static BenchEnvironment Create()
    {
        var dataverse = new InMemoryDataverse();
        var outbound = OutboundMarketingModel.Install(dataverse);
        Func<Guid, int> outboundCount = id => outbound.MembersOf(id).Count;

        var realTime = RealTimeJourneysModel.Install(dataverse);
        LocalTables.Register(dataverse);
        EnvironmentVariables.Register(dataverse);
        var profiler = new CallProfiler();
        var pluginAssembly = typeof(ImportSegmentPlugin).Assembly;
        foreach (var api in CustomApis.All)
        {
            var pluginType = pluginAssembly.GetType(api.PluginTypeName, throwOnError: true)!;
            var definition = new CustomApiDefinition { UniqueName = api.UniqueName, IsFunction = api.IsFunction, ExecutePrivilegeName = api.ExecutePrivilegeName };
            definition.RequestParameters.AddRange(api.RequestParameters.Select(ToParameter));
            definition.ResponseProperties.AddRange(api.ResponseProperties.Select(ToParameter));
            var name = api.UniqueName;
            dataverse.Plugins.RegisterCustomApi(definition, () => new ProfilingPlugin(CreatePlugin(pluginType), name, profiler));
        }

        SegmentSyncEnvironment.InstallRoles(dataverse);
        EntityCatalog.Register(dataverse);
        return new BenchEnvironment(dataverse, profiler, outboundCount, realTime);
    }

    public IOrganizationService Service() => Dataverse.GetService();

    /// <summary>The static members of a segment of either model (the SegmentId an import reports).</summary>
    public int MemberCount(Guid segmentId) => _realTime.HasDefinition(segmentId) ? _realTime.MembersOf(segmentId).Count : _outboundCount(segmentId);

    public void SetSetting(string schemaName, string? value) => EnvironmentVariables.Set(Service(), schemaName, value);

    /// <summary>Chooses the segment model new segments go to: Outbound explicitly, real-time by detection (Auto, the default).</summary>
    public void UseTarget(SegmentTargetOption target) =>
        SetSetting(SegmentSyncSettings.SegmentTarget, target == SegmentTargetOption.Outbound ? "Outbound" : null);

    /// <summary>What a maker does to start using a segment: go live (outbound: status Live; real-time: publish).</summary>
    public static void GoLive(IOrganizationService service, SegmentTargetOption target, Guid segmentId)
    {
        if (target == SegmentTargetOption.Outbound)
        {
            service.Update(new Entity(OutboundSegmentTable.LogicalName, segmentId) { [OutboundSegmentTable.StatusCode] = new OptionSetValue(OutboundSegmentTable.StatusLive) });
            return;
        }

        var publish = new OrganizationRequest(RealTimeSegmentTables.PublishSegmentDefinition);
        publish[RealTimeSegmentTables.SegmentIdParameter] = segmentId.ToString("D");
        service.Execute(publish);
    }

    private static IPlugin CreatePlugin(Type pluginType) =>
        (IPlugin)(Activator.CreateInstance(pluginType, BindingFlags.Public | BindingFlags.Instance, null, [string.Empty, string.Empty], null)
            ?? throw new InvalidOperationException($"Cannot create {pluginType.FullName}."));

    private static CustomApiParameter ToParameter(ApiField field) => new(field.UniqueName, (CustomApiFieldType)(int)field.Type, field.IsOptional);
}
