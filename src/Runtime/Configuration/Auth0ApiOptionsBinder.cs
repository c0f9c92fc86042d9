using System.Linq;
using Auth0.Generated.Authentication;
using Auth0.Generated.DPoP;
using Microsoft.Extensions.Configuration;

namespace Auth0.Generated.Configuration;

/// <summary>
/// Binds <see cref="Auth0ApiOptions"/> from configuration by hand (no reflection, so trimming and Native AOT stay clean):
/// the <c>Auth0</c> section, then the <c>AUTH0_DOMAIN</c> / <c>AUTH0_AUDIENCE</c> root keys, which win when set.
/// A value that does not parse fails at startup with the key's name.
/// </summary>
internal sealed class Auth0ApiOptionsBinder(IConfiguration? configuration = null, IEnumerable<Auth0SchemeName>? further = null) : IConfigureNamedOptions<Auth0ApiOptions>
{
    private readonly HashSet<string> _further = new((further ?? []).Select(s => s.Name), StringComparer.Ordinal);

    public void Configure(Auth0ApiOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, Auth0ApiOptions options)
    {
        // The Auth0 scheme and every further scheme (AddAuth0Api(scheme, ...)) read the same section.
        if (configuration is not null && name is not null && (name == Auth0ApiDefaults.AuthenticationScheme || _further.Contains(name)))
        {
            Bind(configuration, options);
        }
    }

    internal static void Bind(IConfiguration configuration, Auth0ApiOptions options)
    {
        var read = ConfigurationReader.Auth0(configuration);
        options.Domain = read.String("Domain", ConfigurationReader.DomainKey) ?? options.Domain;
        options.Audience = read.String("Audience", ConfigurationReader.AudienceKey) ?? options.Audience;
        read.List("Domains", options.Domains);
        read.List("Audiences", options.Audiences);
        read.List("Algorithms", options.Algorithms);
        read.List("TrustedOrigins", options.TrustedOrigins);
        options.ClockTolerance = read.Duration("ClockTolerance") ?? options.ClockTolerance;
        options.Strict = read.Boolean("Strict") ?? options.Strict;
        options.MaxTokenAge = read.Duration("MaxTokenAge") ?? options.MaxTokenAge;
        options.AllowQueryToken = read.Boolean("AllowQueryToken") ?? options.AllowQueryToken;
        options.CookieName = read.String("CookieName") ?? options.CookieName;
        options.JwksCacheDuration = read.Duration("JwksCacheDuration") ?? options.JwksCacheDuration;
        options.JwksRefreshCooldown = read.Duration("JwksRefreshCooldown") ?? options.JwksRefreshCooldown;
        options.JwksRetryInterval = read.Duration("JwksRetryInterval") ?? options.JwksRetryInterval;
        options.FetchTimeout = read.Duration("FetchTimeout") ?? options.FetchTimeout;
        options.JwksUri = read.String("JwksUri") ?? options.JwksUri;
        options.SymmetricSecret = read.String("SymmetricSecret") ?? options.SymmetricSecret;
        options.DevelopmentIssuer = read.Boolean("DevelopmentIssuer") ?? options.DevelopmentIssuer;
        options.RolesClaim = read.String("RolesClaim") ?? options.RolesClaim;
        options.PermissionsAsScopes = read.Boolean("PermissionsAsScopes") ?? options.PermissionsAsScopes;
        options.TokenCacheSize = read.Int32("TokenCacheSize") ?? options.TokenCacheSize;
        options.FetchKeysAtStartup = read.Boolean("FetchKeysAtStartup") ?? options.FetchKeysAtStartup;
        BindDPoP(read.Section("DPoP"), options.DPoP);
    }

    private static void BindDPoP(ConfigurationReader read, DPoPOptions options)
    {
        if (read.String("Mode") is { } mode)
        {
            options.Mode = Enum.TryParse<DPoPMode>(mode, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(mode[0])
                ? value
                : throw new InvalidOperationException($"Configuration value '{read.Path("Mode")}' must be Allowed, Required or Disabled, not '{mode}'.");
        }

        read.List("Algorithms", options.Algorithms);
        options.IatOffset = read.Duration("IatOffset") ?? options.IatOffset;
        options.IatLeeway = read.Duration("IatLeeway") ?? options.IatLeeway;
        options.ReplayCacheSize = read.Int32("ReplayCacheSize") ?? options.ReplayCacheSize;
        options.PublicBaseUrl = read.String("PublicBaseUrl") ?? options.PublicBaseUrl;
        options.RequireNonce = read.Boolean("RequireNonce") ?? options.RequireNonce;
        options.NonceLifetime = read.Duration("NonceLifetime") ?? options.NonceLifetime;
        if (read.String("NonceSecret") is { } secret)
        {
            var buffer = new byte[secret.Length];
            options.NonceSecret = Convert.TryFromBase64String(secret, buffer, out var length)
                ? buffer[..length]
                : throw new InvalidOperationException($"Configuration value '{read.Path("NonceSecret")}' must be base64.");
        }
    }
}
