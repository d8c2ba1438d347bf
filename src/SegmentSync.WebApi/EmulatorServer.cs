using System.Net;
using System.Security.Cryptography;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using SegmentSync.Emulator;

namespace SegmentSync.WebApi;

/// <summary>
/// A local Dataverse Web API on 127.0.0.1 over an <see cref="InMemoryDataverse"/>: the subset that SegmentSync's
/// callers and a maker's scripts use, with Dataverse's JSON shapes, bearer-token authentication and optional
/// service protection limits.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, Uri baseAddress, string token)
    {
        _app = app;
        BaseAddress = baseAddress;
        Token = token;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress { get; }

    /// <summary>The Web API root, http://127.0.0.1:port/api/data/v9.2/</summary>
    public Uri WebApiAddress => new(BaseAddress, "api/data/v9.2/");

    public int Port => BaseAddress.Port;

    /// <summary>The bearer token callers must present.</summary>
    public string Token { get; }

    /// <summary>A random token: 32 bytes, URL-safe base64.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static async Task<EmulatorServer> StartAsync(InMemoryDataverse dataverse, EmulatorServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataverse);
        options ??= new EmulatorServerOptions();
        var token = string.IsNullOrEmpty(options.Token) ? NewToken() : options.Token;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var handler = new WebApiHandler(dataverse, options);
        var protection = options.Limits is null ? null : new ServiceProtection(options.Limits, TimeProvider.System);
        var administrator = Encoding.UTF8.GetBytes("Bearer " + token);
        IEnumerable<(byte[] Expected, Guid? User)> Callers() =>
            options.UserTokens.Select(t => (Encoding.UTF8.GetBytes("Bearer " + t.Key), (Guid?)t.Value)).Prepend((administrator, null));

        app.Use(async (context, next) =>
        {
            context.Response.Headers["OData-Version"] = "4.0";
            try
            {
                await next(context);
            }
            catch (WebApiException e)
            {
                await WriteError(context, e.Status, e.ErrorCode, e.Message);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                var e = WebApiException.FromFault(fault);
                await WriteError(context, e.Status, e.ErrorCode, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
            {
                await WriteError(context, 500, unchecked((int)0x80040216), "An unexpected error occurred: " + e.Message);
            }
        });
        app.Use(async (context, next) =>
        {
            var presented = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
            var caller = Callers().FirstOrDefault(c => CryptographicOperations.FixedTimeEquals(presented, c.Expected));
            if (caller.Expected is null)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                throw new WebApiException(401, WebApiException.Unauthorized, presented.Length == 0
                    ? "The request has no bearer token. Send 'Authorization: Bearer <token>' with the token segsync emulate printed."
                    : "The bearer token is not valid for this environment.");
            }

            WebApiHandler.SetCaller(context, caller.User);
            await next(context);
        });
        if (protection is not null) app.Use((context, next) => protection.Invoke(context, next));
        if (options.Interceptor is { } interceptor) app.Use((context, next) => interceptor(context, next));
        app.Map(WebApiHandler.Root + "/{**path}", (HttpContext context) => handler.Handle(context));
        app.Map(WebApiHandler.Root, (HttpContext context) => handler.Handle(context));
        app.MapFallback((HttpContext _) => throw new WebApiException(404, WebApiException.ResourceNotFound, "The Web API is at /api/data/v9.2/."));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new EmulatorServer(app, new Uri($"http://127.0.0.1:{port}/"), token);
    }

    /// <summary>Completes when the server stops (Ctrl+C when the host handles it, or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task WriteError(HttpContext context, int status, int code, string message)
    {
        if (context.Response.HasStarted) return;
        var json = new JsonObject { ["error"] = new JsonObject { ["code"] = WebApiException.Hex(code), ["message"] = message } };
        await WebApiHandler.WriteJson(context, status, json);
    }
}
