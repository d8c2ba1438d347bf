using System.CommandLine;
using SegmentSync.Client.Auth;

namespace SegmentSync.Cli.Commands;

/// <summary>The options that say which environment to call and how to sign in, shared by the commands that call Dataverse.</summary>
public sealed class ConnectionOptions
{
    private readonly Option<string?> _url = new("--url") { Description = "The environment, e.g. https://contoso.crm.dynamics.com, or the URL segsync emulate printed. Default: SEGSYNC_URL, then push.environmentUrl in pac.config.json.", HelpName = "url" };
    private readonly Option<string?> _auth = new("--auth") { Description = "Sign-in: token (SEGSYNC_TOKEN), client-secret (SEGSYNC_CLIENT_SECRET), certificate or device-code. Default: the first whose secret is set, else device-code.", HelpName = "method" };
    private readonly Option<string?> _tenant = new("--tenant-id") { Description = "Microsoft Entra tenant id (or SEGSYNC_TENANT_ID).", HelpName = "id" };
    private readonly Option<string?> _clientId = new("--client-id") { Description = "App registration (client) id (or SEGSYNC_CLIENT_ID).", HelpName = "id" };
    private readonly Option<string?> _certificate = new("--certificate") { Description = "A .pfx file for certificate sign-in; its password, if any, in SEGSYNC_CERTIFICATE_PASSWORD.", HelpName = "file" };

    public ConnectionOptions()
    {
        _auth.AcceptOnlyFromAmong("token", "client-secret", "certificate", "device-code");
    }

    public IEnumerable<Option> All => [_url, _auth, _tenant, _clientId, _certificate];

    /// <summary>The sign-in settings from the options, the environment variables and pac.config.json.</summary>
    public AuthSettings Resolve(ParseResult parse) =>
        AuthSettings.Resolve(parse.GetValue(_url), parse.GetValue(_auth), parse.GetValue(_tenant), parse.GetValue(_clientId), parse.GetValue(_certificate));
}
