using SegmentSync.Client.Auth;
using Xunit;

namespace SegmentSync.Client.Tests;

/// <summary>How `segsync push` decides where to connect and how to sign in (MSAL itself needs Microsoft Entra ID).</summary>
public sealed class AuthSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("segsync-auth-").FullName;
    private readonly Dictionary<string, string?> _environment = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PacConfig(string json)
    {
        var path = Path.Combine(_folder, "pac.config.json");
        File.WriteAllText(path, json);
        return path;
    }

    private AuthSettings Resolve(string? url = null, string? mode = null, string? tenant = null, string? client = null, string? certificate = null, string? pacConfig = null) =>
        AuthSettings.Resolve(url, mode, tenant, client, certificate, name => _environment.GetValueOrDefault(name), pacConfig ?? Path.Combine(_folder, "none.json"));

    [Fact]
    public void Options_WinOverEnvironmentVariables_WhichWinOverPacConfig()
    {
        _environment["SEGSYNC_URL"] = "https://env.crm.dynamics.com";
        _environment["SEGSYNC_TOKEN"] = "t";
        var config = PacConfig("""{ "push": { "environmentUrl": "https://config.crm.dynamics.com", "tenantId": "config-tenant" } }""");

        Assert.Equal("https://option.crm.dynamics.com/", Resolve(url: "https://option.crm.dynamics.com", pacConfig: config).EnvironmentUrl.ToString());
        Assert.Equal("https://env.crm.dynamics.com/", Resolve(pacConfig: config).EnvironmentUrl.ToString());
        _environment.Remove("SEGSYNC_URL");
        var fromConfig = Resolve(pacConfig: config);
        Assert.Equal("https://config.crm.dynamics.com/", fromConfig.EnvironmentUrl.ToString());
        Assert.Equal("config-tenant", fromConfig.TenantId);
    }

    [Fact]
    public void Mode_IsInferredFromWhichSecretIsPresent()
    {
        _environment["SEGSYNC_URL"] = "https://org.crm.dynamics.com";
        Assert.Equal(AuthMode.DeviceCode, Resolve().Mode);
        Assert.Equal(AuthSettings.DefaultPublicClientId, Resolve().ClientId);

        _environment["SEGSYNC_CLIENT_SECRET"] = "s";
        Assert.Equal(AuthMode.ClientSecret, Resolve(tenant: "t", client: "c").Mode);

        _environment["SEGSYNC_TOKEN"] = "token";
        Assert.Equal(AuthMode.Token, Resolve().Mode);
    }

    [Theory]
    [InlineData("client-secret", AuthMode.ClientSecret)]
    [InlineData("device-code", AuthMode.DeviceCode)]
    [InlineData("token", AuthMode.Token)]
    public void ExplicitMode_IsHonoured(string mode, AuthMode expected)
    {
        _environment["SEGSYNC_TOKEN"] = "token";
        _environment["SEGSYNC_CLIENT_SECRET"] = "s";

        Assert.Equal(expected, Resolve(url: "https://org.crm.dynamics.com", mode: mode, tenant: "t", client: "c").Mode);
    }

    [Fact]
    public void ClientSecretSignIn_WithoutClientOrTenant_SaysWhatIsMissing()
    {
        _environment["SEGSYNC_CLIENT_SECRET"] = "s";

        var error = Assert.Throws<AuthenticationFailedException>(() => Resolve(url: "https://org.crm.dynamics.com"));

        Assert.Contains("--client-id, --tenant-id", error.Message);
    }

    [Fact]
    public void CertificateSignIn_WithAMissingFile_NamesTheFile()
    {
        var missing = Path.Combine(_folder, "app.pfx");

        var error = Assert.Throws<AuthenticationFailedException>(() => Resolve(url: "https://org.crm.dynamics.com", mode: "certificate", tenant: "t", client: "c", certificate: missing));

        Assert.Contains(missing, error.Message);
    }

    [Theory]
    [InlineData(null, "No environment")]
    [InlineData("org.crm.dynamics.com", "not an absolute http(s) URL")]
    [InlineData("ftp://org.crm.dynamics.com", "not an absolute http(s) URL")]
    public void EnvironmentUrl_MissingOrNotHttp_IsRefused(string? url, string expected)
    {
        Assert.Contains(expected, Assert.Throws<AuthenticationFailedException>(() => Resolve(url: url)).Message);
    }

    [Fact]
    public void UnknownMode_IsRefusedListingTheChoices()
    {
        var error = Assert.Throws<AuthenticationFailedException>(() => Resolve(url: "https://org.crm.dynamics.com", mode: "password"));

        Assert.Contains("token, client-secret, certificate or device-code", error.Message);
    }

    [Fact]
    public void Secrets_AreNeverReadFromPacConfig_NorShownBySettings()
    {
        var config = PacConfig("""{ "push": { "environmentUrl": "https://org.crm.dynamics.com", "clientSecret": "from-file", "token": "from-file" } }""");
        _environment["SEGSYNC_CLIENT_SECRET"] = "very-secret";

        var settings = Resolve(tenant: "t", client: "c", pacConfig: config);

        Assert.Equal("very-secret", settings.ClientSecret);
        Assert.Null(settings.Token);
        Assert.DoesNotContain("very-secret", settings.ToString());
    }
}
