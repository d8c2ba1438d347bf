using System.Text.Json;

namespace SegmentSync.Client.Auth;

public enum AuthMode
{
    /// <summary>A bearer token from SEGSYNC_TOKEN (the local emulator prints one).</summary>
    Token,

    /// <summary>An app registration's client secret (SEGSYNC_CLIENT_SECRET), for unattended runs.</summary>
    ClientSecret,

    /// <summary>An app registration's certificate (a .pfx; its password in SEGSYNC_CERTIFICATE_PASSWORD).</summary>
    Certificate,

    /// <summary>A person signs in on another device with a code (MSAL device code flow).</summary>
    DeviceCode,
}

/// <summary>
/// Where to connect and how to sign in. Values come from command-line options, then environment variables
/// (SEGSYNC_URL, SEGSYNC_AUTH, SEGSYNC_TENANT_ID, SEGSYNC_CLIENT_ID, SEGSYNC_CERTIFICATE_PATH), then the "push"
/// section of pac.config.json. Secrets come only from environment variables (SEGSYNC_TOKEN, SEGSYNC_CLIENT_SECRET,
/// SEGSYNC_CERTIFICATE_PASSWORD): never from the command line or a file in the repository, and never logged.
/// </summary>
public sealed record AuthSettings(Uri EnvironmentUrl, AuthMode Mode, string? TenantId, string? ClientId, string? ClientSecret, string? CertificatePath, string? CertificatePassword, string? Token)
{
    /// <summary>The public client id Microsoft publishes for Dataverse samples and tools (device code sign-in).</summary>
    public const string DefaultPublicClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";

    public override string ToString() => $"{EnvironmentUrl} ({Mode}{(ClientId is null ? "" : ", client " + ClientId)})";

    public static AuthSettings Resolve(string? url, string? mode, string? tenantId, string? clientId, string? certificatePath, Func<string, string?>? environment = null, string? pacConfigPath = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var config = ReadPacConfig(pacConfigPath);
        string? Pick(string? option, string variable, string key) =>
            !string.IsNullOrWhiteSpace(option) ? option : !string.IsNullOrWhiteSpace(environment(variable)) ? environment(variable) : config.TryGetValue(key, out var v) ? v : null;

        var environmentUrl = Pick(url, "SEGSYNC_URL", "environmentUrl")
            ?? throw new AuthenticationFailedException("No environment: pass --url https://<org>.crm.dynamics.com (or the URL segsync emulate printed), set SEGSYNC_URL, or set push.environmentUrl in pac.config.json.");
        if (!Uri.TryCreate(environmentUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new AuthenticationFailedException($"The environment URL \"{environmentUrl}\" is not an absolute http(s) URL.");
        var token = environment("SEGSYNC_TOKEN");
        var secret = environment("SEGSYNC_CLIENT_SECRET");
        var certificate = Pick(certificatePath, "SEGSYNC_CERTIFICATE_PATH", "certificatePath");
        var chosen = Pick(mode, "SEGSYNC_AUTH", "auth");
        var resolvedMode = chosen is not null
            ? ParseMode(chosen)
            : !string.IsNullOrEmpty(token) ? AuthMode.Token
            : !string.IsNullOrEmpty(secret) ? AuthMode.ClientSecret
            : certificate is not null ? AuthMode.Certificate
            : AuthMode.DeviceCode;
        var client = Pick(clientId, "SEGSYNC_CLIENT_ID", "clientId");
        var tenant = Pick(tenantId, "SEGSYNC_TENANT_ID", "tenantId");
        var settings = new AuthSettings(uri, resolvedMode, tenant, client ?? (resolvedMode == AuthMode.DeviceCode ? DefaultPublicClientId : null), secret, certificate, environment("SEGSYNC_CERTIFICATE_PASSWORD"), token);
        settings.Validate();
        return settings;
    }

    private void Validate()
    {
        switch (Mode)
        {
            case AuthMode.Token when string.IsNullOrEmpty(Token):
                throw new AuthenticationFailedException("--auth token needs the token in the environment variable SEGSYNC_TOKEN (segsync emulate prints it).");
            case AuthMode.ClientSecret when string.IsNullOrEmpty(Secret()) || ClientId is null || TenantId is null:
                throw new AuthenticationFailedException("Client secret sign-in needs --client-id, --tenant-id and the secret in the environment variable SEGSYNC_CLIENT_SECRET.");
            case AuthMode.Certificate when CertificatePath is null || ClientId is null || TenantId is null:
                throw new AuthenticationFailedException("Certificate sign-in needs --client-id, --tenant-id and --certificate <file.pfx> (its password, if any, in SEGSYNC_CERTIFICATE_PASSWORD).");
            case AuthMode.Certificate when !File.Exists(CertificatePath):
                throw new AuthenticationFailedException($"The certificate file {CertificatePath} does not exist.");
        }
    }

    private string? Secret() => ClientSecret;

    private static AuthMode ParseMode(string text) => text.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "token" => AuthMode.Token,
        "secret" or "clientsecret" => AuthMode.ClientSecret,
        "certificate" or "cert" => AuthMode.Certificate,
        "devicecode" or "device" => AuthMode.DeviceCode,
        _ => throw new AuthenticationFailedException($"Unknown sign-in method \"{text}\": use token, client-secret, certificate or device-code."),
    };

    /// <summary>The "push" section of pac.config.json (in the current folder unless given): non-secret settings only.</summary>
    private static Dictionary<string, string> ReadPacConfig(string? path)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        path ??= Path.Combine(Directory.GetCurrentDirectory(), "pac.config.json");
        if (!File.Exists(path)) return result;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.TryGetProperty("push", out var push) && push.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in push.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String) result[property.Name] = property.Value.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
            // not ours to judge; pac reads it too
        }

        return result;
    }
}
