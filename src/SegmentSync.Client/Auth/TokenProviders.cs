using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

namespace SegmentSync.Client.Auth;

/// <summary>Gives the bearer token of each request (MSAL caches and refreshes it).</summary>
public interface ITokenProvider
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>No token could be had: wrong credentials, tenant, app registration or a cancelled sign-in.</summary>
public sealed class AuthenticationFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A fixed token (the local emulator's, or one a script obtained).</summary>
public sealed class StaticTokenProvider(string token) : ITokenProvider
{
    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
}

/// <summary>Microsoft Entra ID tokens for a Dataverse environment with MSAL: client secret, certificate or device code.</summary>
public sealed class MsalTokenProvider : ITokenProvider
{
    private readonly Func<CancellationToken, Task<AuthenticationResult>> _acquire;

    private MsalTokenProvider(Func<CancellationToken, Task<AuthenticationResult>> acquire) => _acquire = acquire;

    public static ITokenProvider Create(AuthSettings settings, Action<string> prompt)
    {
        var scopes = new[] { settings.EnvironmentUrl.GetLeftPart(UriPartial.Authority) + "/.default" };
        var authority = $"https://login.microsoftonline.com/{settings.TenantId ?? "organizations"}";
        switch (settings.Mode)
        {
            case AuthMode.Token:
                return new StaticTokenProvider(settings.Token ?? throw new AuthenticationFailedException("No token: set SEGSYNC_TOKEN."));
            case AuthMode.ClientSecret:
                {
                    var app = ConfidentialClientApplicationBuilder.Create(settings.ClientId).WithAuthority(authority).WithClientSecret(settings.ClientSecret).Build();
                    return new MsalTokenProvider(ct => app.AcquireTokenForClient(scopes).ExecuteAsync(ct));
                }

            case AuthMode.Certificate:
                {
                    var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath!, settings.CertificatePassword);
                    var app = ConfidentialClientApplicationBuilder.Create(settings.ClientId).WithAuthority(authority).WithCertificate(certificate, sendX5C: true).Build();
                    return new MsalTokenProvider(ct => app.AcquireTokenForClient(scopes).ExecuteAsync(ct));
                }

            default:
                {
                    var app = PublicClientApplicationBuilder.Create(settings.ClientId).WithAuthority(authority).WithDefaultRedirectUri().Build();
                    return new MsalTokenProvider(async ct =>
                    {
                        var account = (await app.GetAccountsAsync()).FirstOrDefault();
                        if (account is not null)
                        {
                            try
                            {
                                return await app.AcquireTokenSilent(scopes, account).ExecuteAsync(ct);
                            }
                            catch (MsalUiRequiredException)
                            {
                                // sign in again below
                            }
                        }

                        return await app.AcquireTokenWithDeviceCode(scopes, code =>
                        {
                            prompt(code.Message);
                            return Task.CompletedTask;
                        }).ExecuteAsync(ct);
                    });
                }
        }
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await _acquire(cancellationToken)).AccessToken;
        }
        catch (MsalException e)
        {
            throw new AuthenticationFailedException($"Sign-in failed ({e.ErrorCode}): {e.Message}", e);
        }
    }
}
