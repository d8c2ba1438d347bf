using Microsoft.Xrm.Sdk;
using SegmentSync.Client.Auth;
using SegmentSync.Client.Export;
using SegmentSync.Client.Http;
using SegmentSync.LocalEnvironment;
using SegmentSync.Plugins.Schema;
using SegmentSync.WebApi;

namespace SegmentSync.Client.Tests;

/// <summary>SegmentSync's environment behind the emulator's Web API on a free loopback port, with a client for it.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(SegmentSyncEnvironment environment, EmulatorServer server, DataverseClient client, string folder)
    {
        Environment = environment;
        Server = server;
        Client = client;
        Folder = folder;
    }

    public SegmentSyncEnvironment Environment { get; }

    public EmulatorServer Server { get; }

    public DataverseClient Client { get; }

    /// <summary>A temporary folder for export files and resume state, deleted at the end.</summary>
    public string Folder { get; }

    public string StateDirectory => Path.Combine(Folder, "state");

    public static async Task<TestHost> StartAsync(EmulatorServerOptions? options = null, RetryOptions? retry = null)
    {
        var environment = SegmentSyncEnvironment.Create();
        environment.SetSetting(SegmentSyncSettings.SegmentTarget, "Outbound");
        var server = await EmulatorServer.StartAsync(environment.Dataverse, options);
        var client = new DataverseClient(server.BaseAddress, new StaticTokenProvider(server.Token), retry ?? FastRetry());
        return new TestHost(environment, server, client, Directory.CreateTempSubdirectory("segsync-test-").FullName);
    }

    public static RetryOptions FastRetry(int retries = 4) => new() { MaxRetries = retries, BaseDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(30) };

    public List<Guid> SeedContacts(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        Environment.Dataverse.Seed("contact", ids.Select((id, i) => new Entity("contact", id) { ["fullname"] = "Contact " + i }));
        return ids;
    }

    public string WriteCsv(string name, IEnumerable<string> ids, string header = "CustomerId,ContactId", char delimiter = ',')
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllLines(path, new[] { header }.Concat(ids.Select((id, i) => $"cust-{i}{delimiter}{id}")));
        return path;
    }

    public ExportedSegment Export(string path, string id = "seg-1", DateTime? exportedOn = null) => ExportLoader.Load(new ExportOptions
    {
        Input = path,
        SegmentId = id,
        SegmentName = "Segment " + id,
        SegmentUrl = "https://contoso.crm.dynamics.com/customerinsights/segments/{id}",
        ExportedOn = exportedOn ?? DateTime.UtcNow.AddMinutes(-5),
    }).ToPush.Single();

    public int ImportRuns => Environment.Dataverse.Count(ImportRunTable.LogicalName);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
