using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Auth0.Generated.TokenExchange.Tests;

/// <summary>
/// A real authorization server in the test process: OpenIddict 7.8 on https://127.0.0.1 (self-signed certificate), with
/// an in-memory application store, playing an Auth0 tenant for token exchange:
/// <list type="bullet">
/// <item>the RFC 8693 token-exchange grant for the custom subject token type <see cref="LegacyTokenType"/> (a legacy
/// system's opaque tokens, <see cref="IssueLegacyToken"/>), issuing a signed access token for the requested audience;</item>
/// <item>a Token Vault-style custom grant (Auth0's federated-connection grant) that takes an access token this server
/// issued for the API (checked against its signing keys) and a connection it knows (<see cref="Connection"/>), and answers that connection's token.</item>
/// </list>
/// Clients: <see cref="SecretClientId"/> (client_secret_post) and <see cref="AssertionClientId"/> (private_key_jwt,
/// its public key registered as the application's JWKS, assertions verified by OpenIddict).
/// </summary>
public sealed class OpenIddictTenant : IAsyncDisposable
{
    public const string LegacyTokenType = "urn:acme:legacy-token";
    public const string FederatedConnectionGrant = "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token";
    public const string FederatedConnectionTokenType = "http://auth0.com/oauth/token-type/federated-connection-access-token";
    public const string ApiAudience = "https://api.exchange.test";
    public const string Connection = "google-oauth2";
    public const string Scope = "read:messages";

    /// <summary>The lifetime of the access tokens it issues (shorter than the connection tokens' hour).</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(30);
    public const string SecretClientId = "secret-client";
    public const string AssertionClientId = "assertion-client";

    /// <summary>Generous timeouts: the machine running the tests may be heavily shared.</summary>
    public static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(90);

    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _legacyTokens = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _discoveryRequests;
    private int _tokenRequests;

    private OpenIddictTenant(WebApplication app, X509Certificate2 certificate, string clientSecret, RSA assertionKey)
    {
        _app = app;
        Certificate = certificate;
        ClientSecret = clientSecret;
        AssertionKey = assertionKey;
    }

    /// <summary>The issuer, <c>https://127.0.0.1:{port}/</c>.</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>The domain to configure: <c>127.0.0.1:{port}</c>.</summary>
    public string Domain { get; private set; } = string.Empty;

    public X509Certificate2 Certificate { get; }

    /// <summary>The secret of <see cref="SecretClientId"/>.</summary>
    public string ClientSecret { get; }

    /// <summary>The private key of <see cref="AssertionClientId"/>.</summary>
    public RSA AssertionKey { get; }

    public int DiscoveryRequests => Volatile.Read(ref _discoveryRequests);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The fake connection token the Token Vault grant answered last.</summary>
    public string? LastConnectionToken { get; private set; }

    /// <summary>Issues an opaque legacy token for <paramref name="user"/>, accepted as <see cref="LegacyTokenType"/>.</summary>
    public string IssueLegacyToken(string user)
    {
        var token = "legacy." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (_lock)
        {
            _legacyTokens[token] = user;
        }

        return token;
    }

    /// <summary>A handler that trusts this server's certificate (and nothing else self-signed).</summary>
    public HttpMessageHandler CreateHandler() => TestIssuer.CreateHandlerTrusting(Certificate);

    public static async Task<OpenIddictTenant> StartAsync()
    {
        var certificate = TestIssuer.CreateCertificate();
        var clientSecret = "secret-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var assertionKey = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // OpenIddict's ASP.NET Core host creates data protection keys: in memory, never under the user's ~/.aspnet.
        builder.Services.AddInMemoryDataProtection();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var database = "openiddict-" + Guid.NewGuid().ToString("N");
        builder.Services.AddDbContext<DbContext>(options => options.UseInMemoryDatabase(database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("oauth/token");
                server.AllowTokenExchangeFlow();
                server.AllowCustomFlow(FederatedConnectionGrant);
                server.Configure(options => options.SubjectTokenTypes.Add(LegacyTokenType));
                server.RegisterAudiences(ApiAudience);
                server.RegisterScopes(Scope);
                server.IgnoreAudiencePermissions();
                server.IgnoreResourcePermissions();
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(AccessTokenLifetime);
                server.AddEventHandler(SubjectTokenPolicy.Descriptor);
                server.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var tenant = new OpenIddictTenant(app, certificate, clientSecret, assertionKey);
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/.well-known/openid-configuration"))
            {
                Interlocked.Increment(ref tenant._discoveryRequests);
            }
            else if (context.Request.Path.StartsWithSegments("/oauth/token"))
            {
                Interlocked.Increment(ref tenant._tokenRequests);
            }

            return next(context);
        });

        // After the counter: OpenIddict answers discovery in the authentication middleware.
        app.UseAuthentication();
        app.MapPost("/oauth/token", (Func<HttpContext, Task<IResult>>)tenant.HandleTokenRequestAsync);
        await app.StartAsync().ConfigureAwait(false);

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        tenant.Issuer = $"https://127.0.0.1:{address.Port}/";
        tenant.Domain = $"127.0.0.1:{address.Port}";
        await tenant.RegisterClientsAsync().ConfigureAwait(false);

        // The first request builds OpenIddict's pipeline and the store's model (seconds on a loaded machine): do it
        // here, then count only the requests of the test.
        using (var client = new HttpClient(tenant.CreateHandler()) { Timeout = TestTimeout })
        {
            using var warmUp = await client.GetAsync(new Uri(tenant.Issuer + ".well-known/openid-configuration")).ConfigureAwait(false);
            warmUp.EnsureSuccessStatusCode();
        }

        tenant._discoveryRequests = 0;
        return tenant;
    }

    private async Task RegisterClientsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var permissions = new[]
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.TokenExchange,
            Permissions.Prefixes.GrantType + FederatedConnectionGrant,
            Permissions.Prefixes.Scope + Scope,
        };

        var secretClient = new OpenIddictApplicationDescriptor
        {
            ClientId = SecretClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
        };
        secretClient.Permissions.UnionWith(permissions);
        await applications.CreateAsync(secretClient).ConfigureAwait(false);

        var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(AssertionKey.ExportParameters(false)));
        publicKey.Use = JsonWebKeyUseNames.Sig;
        var assertionClient = new OpenIddictApplicationDescriptor
        {
            ClientId = AssertionClientId,
            ClientType = ClientTypes.Confidential,
            JsonWebKeySet = new JsonWebKeySet { Keys = { publicKey } },
        };
        assertionClient.Permissions.UnionWith(permissions);
        await applications.CreateAsync(assertionClient).ConfigureAwait(false);
    }

    /// <summary>The token endpoint's passthrough: OpenIddict has authenticated the client (and validated OpenIddict-issued subject tokens).</summary>
    private async Task<IResult> HandleTokenRequestAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenIddict request.");
        if (request.IsTokenExchangeGrantType())
        {
            string? user;
            lock (_lock)
            {
                _legacyTokens.TryGetValue(request.SubjectToken ?? string.Empty, out user);
            }

            if (user is null)
            {
                return Refuse(Errors.InvalidGrant, "The legacy token is not valid.");
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, user);
            identity.SetScopes(request.GetScopes());
            string[] audiences = request.Audiences is { Length: > 0 } requested ? [.. requested.OfType<string>()] : [ApiAudience];
            identity.SetAudiences(audiences);
            identity.SetResources(audiences);
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.GrantType == FederatedConnectionGrant)
        {
            // The subject token must be an access token this server issued, for the API, still valid.
            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
            var validation = await new JsonWebTokenHandler().ValidateTokenAsync(request.SubjectToken, new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = ApiAudience,
                IssuerSigningKeys = options.SigningCredentials.Select(credentials => credentials.Key),
                ValidTypes = ["at+jwt"],
            }).ConfigureAwait(false);
            var user = validation.IsValid ? validation.ClaimsIdentity.FindFirst(Claims.Subject)?.Value : null;
            if (request.SubjectTokenType != "urn:ietf:params:oauth:token-type:access_token" || user is null)
            {
                return Refuse(Errors.InvalidGrant, "The subject token is not a valid access token.");
            }

            if (!string.Equals((string?)request["connection"], Connection, StringComparison.Ordinal))
            {
                return Refuse(Errors.InvalidRequest, "The connection is not enabled for this client.");
            }

            var token = "ya29." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            LastConnectionToken = token;
            return Results.Json(
                new Dictionary<string, object>
                {
                    ["access_token"] = token,
                    ["token_type"] = "Bearer",
                    ["expires_in"] = 3599,
                    ["scope"] = "https://www.googleapis.com/auth/calendar.readonly",
                    ["issued_token_type"] = FederatedConnectionTokenType,
                },
                statusCode: StatusCodes.Status200OK);
        }

        return Refuse(Errors.UnsupportedGrantType, "Not supported here.");
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
        AssertionKey.Dispose();
    }

    /// <summary>
    /// Custom subject token types are the server's to validate (the passthrough does it), not OpenIddict's.
    /// </summary>
    private sealed class SubjectTokenPolicy : IOpenIddictServerHandler<OpenIddictServerEvents.ProcessAuthenticationContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessAuthenticationContext>()
                .UseSingletonHandler<SubjectTokenPolicy>()
                .SetOrder(OpenIddictServerHandlers.EvaluateValidatedTokens.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(OpenIddictServerEvents.ProcessAuthenticationContext context)
        {
            if (context.EndpointType != OpenIddictServerEndpointType.Token)
            {
                return default;
            }

            if (context.Request.IsTokenExchangeGrantType() && context.Request.SubjectTokenType == LegacyTokenType)
            {
                context.ValidateSubjectToken = false;
                context.RejectSubjectToken = false;
            }

            return default;
        }
    }
}
