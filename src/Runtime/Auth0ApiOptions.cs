using Auth0.Generated.DPoP;
using Microsoft.AspNetCore.Authentication;

namespace Auth0.Generated;

/// <summary>
/// Options of the Auth0 authentication scheme. Bound from the <c>Auth0</c> configuration section and from the
/// <c>AUTH0_DOMAIN</c> / <c>AUTH0_AUDIENCE</c> configuration keys (environment variables); code given to
/// <c>AddAuth0Api(options =&gt; ...)</c> runs after binding.
/// </summary>
public sealed class Auth0ApiOptions : AuthenticationSchemeOptions
{
    /// <summary>
    /// The tenant domain, for example <c>example.eu.auth0.com</c> or <c>127.0.0.1:8443</c>; the issuer is
    /// <c>https://{domain}/</c>. A full <c>https://host[:port]/</c> URL is accepted too (no path, query or fragment).
    /// When empty in the Development environment, the built-in development issuer is used.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>
    /// Further domains (issuers) of the tenant, for example its custom domains (<c>login.example.com</c>), in the forms
    /// <see cref="Domain"/> accepts. Each issuer has its own discovery document and key set; a token's <c>iss</c> selects
    /// its issuer (exact match) before any key is used, so keys of one issuer never verify another's tokens, and a token
    /// whose <c>iss</c> is not configured is refused without a network call. Bound from <c>Auth0:Domains:0</c>,
    /// <c>Auth0:Domains:1</c>, ... or one comma-separated <c>Auth0:Domains</c> value.
    /// </summary>
    public IList<string> Domains { get; } = new List<string>();

    /// <summary>The audience (API identifier) tokens must carry in <c>aud</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>Further accepted audiences; a token passes when its <c>aud</c> contains any configured audience.</summary>
    public IList<string> Audiences { get; } = new List<string>();

    /// <summary>The accepted signature algorithms (default <c>RS256</c> only). <c>none</c> is never accepted.</summary>
    public IList<string> Algorithms { get; } = new List<string> { "RS256" };

    /// <summary>Tolerance applied to <c>exp</c>, <c>nbf</c> and <c>iat</c> (default 5 seconds).</summary>
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>RFC 9068 mode: the <c>typ</c> header must be <c>at+jwt</c> or <c>application/at+jwt</c>, and <c>iat</c> is required.</summary>
    public bool Strict { get; set; }

    /// <summary>When set, tokens older than this (by <c>iat</c>, which becomes required) are refused.</summary>
    public TimeSpan? MaxTokenAge { get; set; }

    /// <summary>Whether a token in the <c>access_token</c> query parameter is accepted (off by default).</summary>
    public bool AllowQueryToken { get; set; }

    /// <summary>
    /// The name of a cookie that may carry the token (for example FusionAuth's <c>app.at</c>); off when null.
    /// When the cookie is present it wins over the <c>Authorization</c> header.
    /// </summary>
    public string? CookieName { get; set; }

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>, for example a separate single-page app's <c>https://app.example.com</c>)
    /// trusted to send unsafe requests (POST, PUT, PATCH, DELETE, ...) with the token cookie of <see cref="CookieName"/>.
    /// Any other cross-origin browser request with the cookie is answered 403, as Go's <c>CrossOriginProtection</c>
    /// does; the API's own origin needs no entry, and tokens in the <c>Authorization</c> header are not affected.
    /// </summary>
    public IList<string> TrustedOrigins { get; } = new List<string>();

    /// <summary>How long fetched signing keys are used before they are fetched again (default 10 minutes).</summary>
    public TimeSpan JwksCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The least time between two fetches caused by a token whose <c>kid</c> is unknown (default 30 seconds).</summary>
    public TimeSpan JwksRefreshCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The least time between two attempts after a failed key fetch, while no fresh keys are cached (default 1 second).</summary>
    public TimeSpan JwksRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The timeout of each discovery or JWKS request (default 5 seconds).</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The JWKS address; when null it is read from the issuer's discovery document.</summary>
    public string? JwksUri { get; set; }

    /// <summary>
    /// A shared secret (at least 32 bytes of UTF-8) for HS256/HS384/HS512 tokens. When set, those algorithms are
    /// accepted with this secret only. Never set it unless your issuer signs with a shared secret.
    /// </summary>
    public string? SymmetricSecret { get; set; }

    /// <summary>
    /// Whether the built-in development issuer is used. <c>null</c> (default): used when <see cref="Domain"/> is empty in
    /// the Development environment. <c>true</c> outside Development fails at startup.
    /// </summary>
    public bool? DevelopmentIssuer { get; set; }

    /// <summary>The claim <see cref="RequireRolesAttribute"/> reads (default <c>roles</c>).</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Whether the <c>permissions</c> claim (Auth0 RBAC) also satisfies scope requirements. Off by default.</summary>
    public bool PermissionsAsScopes { get; set; }

    /// <summary>
    /// How many validated tokens are remembered so that a token seen again skips the signature check (default 1000;
    /// 0 turns the cache off). Entries are keyed by the token's SHA-256, used only within the token's <c>nbf</c>/<c>exp</c>
    /// (with <see cref="ClockTolerance"/>) and only with the key set that verified them: after the JWKS is fetched again,
    /// each token is validated in full once more, so a removed key stops validating as without the cache.
    /// </summary>
    public int TokenCacheSize { get; set; } = Auth0ApiDefaults.DefaultTokenCacheSize;

    /// <summary>
    /// Whether discovery and JWKS are fetched when the application starts (default true), so the first request does not
    /// wait on the network. Startup never waits for the fetch nor fails with it; a failed fetch is logged and requests
    /// fetch on demand as usual.
    /// </summary>
    public bool FetchKeysAtStartup { get; set; } = true;

    /// <summary>DPoP (RFC 9449): mode (<see cref="DPoPMode.Allowed"/> by default), proof algorithms, windows, nonces. See docs/dpop.md.</summary>
    public DPoPOptions DPoP { get; } = new();
}
