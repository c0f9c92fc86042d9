using System.Linq;
using System.Text;
using Auth0.Generated.Authentication;
using Auth0.Generated.Keys;
using Microsoft.Extensions.Hosting;

namespace Auth0.Generated.Configuration;

/// <summary>
/// Validates <see cref="Auth0ApiOptions"/> at startup (<c>ValidateOnStart</c>), with messages that say what to set.
/// </summary>
internal sealed class Auth0ApiOptionsValidator : IValidateOptions<Auth0ApiOptions>
{
    /// <summary>The smallest accepted <see cref="Auth0ApiOptions.SymmetricSecret"/>, in bytes (HS256 needs 256 bits).</summary>
    internal const int MinimumSecretBytes = 32;

    private readonly IHostEnvironment? _environment;
    private readonly HashSet<string> _further;

    public Auth0ApiOptionsValidator(IHostEnvironment? environment = null, IEnumerable<Auth0SchemeName>? further = null)
    {
        _environment = environment;
        _further = new HashSet<string>((further ?? []).Select(s => s.Name), StringComparer.Ordinal);
    }

    public ValidateOptionsResult Validate(string? name, Auth0ApiOptions options)
    {
        if (name is null || (name != Auth0ApiDefaults.AuthenticationScheme && !_further.Contains(name)))
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = Validate(options, IsDevelopment(_environment));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsDevelopment(IHostEnvironment? environment) => environment?.IsDevelopment() == true;

    /// <summary>Whether the options select the built-in development issuer (only ever true in Development).</summary>
    internal static bool UsesDevelopmentIssuer(Auth0ApiOptions options, bool isDevelopment)
        => isDevelopment && (options.DevelopmentIssuer ?? !IssuerRegistry.ConfiguredDomains(options).Any());

    internal static List<string> Validate(Auth0ApiOptions options, bool isDevelopment)
    {
        var errors = new List<string>();
        var development = UsesDevelopmentIssuer(options, isDevelopment);
        if (options.DevelopmentIssuer == true && !isDevelopment)
        {
            errors.Add("Auth0:DevelopmentIssuer is true outside the Development environment: the development issuer signs any token it is asked for, so it runs only in Development. Remove the setting and set AUTH0_DOMAIN (Auth0:Domain) to your tenant domain.");
        }
        else if (!development)
        {
            ValidateDomains(options, isDevelopment, errors);
        }

        if (!development && string.IsNullOrWhiteSpace(options.Audience) && options.Audiences.Count == 0)
        {
            errors.Add("No audience is configured: set AUTH0_AUDIENCE (or Auth0:Audience) to your API identifier, for example 'https://api.example.com'.");
        }

        foreach (var audience in options.Audiences)
        {
            if (string.IsNullOrWhiteSpace(audience))
            {
                errors.Add("Auth0:Audiences contains an empty value: remove it or set the API identifier.");
            }
        }

        if (options.Algorithms.Count == 0)
        {
            errors.Add("Auth0:Algorithms is empty: list at least one signature algorithm, for example 'RS256'.");
        }

        foreach (var algorithm in options.Algorithms)
        {
            if (string.IsNullOrWhiteSpace(algorithm) || string.Equals(algorithm.Trim(), "none", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Auth0:Algorithms contains '{algorithm}': unsigned tokens are never accepted. List signature algorithms only, for example 'RS256'.");
            }
            else if (algorithm.StartsWith("HS", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(options.SymmetricSecret))
            {
                errors.Add($"Auth0:Algorithms contains '{algorithm}' but no Auth0:SymmetricSecret is set: HS* algorithms need the shared secret.");
            }
        }

        if (options.SymmetricSecret is { } secret && Encoding.UTF8.GetByteCount(secret) < MinimumSecretBytes)
        {
            errors.Add($"Auth0:SymmetricSecret is shorter than {MinimumSecretBytes} bytes: use a random secret of at least {MinimumSecretBytes} bytes.");
        }

        RequireNonNegative(errors, options.ClockTolerance, "ClockTolerance");
        RequirePositive(errors, options.JwksCacheDuration, "JwksCacheDuration");
        RequireNonNegative(errors, options.JwksRefreshCooldown, "JwksRefreshCooldown");
        RequireNonNegative(errors, options.JwksRetryInterval, "JwksRetryInterval");
        RequirePositive(errors, options.FetchTimeout, "FetchTimeout");
        if (options.MaxTokenAge is { } maxAge)
        {
            RequirePositive(errors, maxAge, "MaxTokenAge");
        }

        if (options.JwksUri is { } jwksUri
            && (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var jwks) || (jwks.Scheme != Uri.UriSchemeHttps && !(isDevelopment && jwks.Scheme == Uri.UriSchemeHttp))))
        {
            errors.Add($"Auth0:JwksUri '{jwksUri}' must be an absolute https URL.");
        }

        if (options.TokenCacheSize is < 0 or > Auth0ApiDefaults.MaxTokenCacheSize)
        {
            errors.Add($"Auth0:TokenCacheSize must be between 0 (off) and {Auth0ApiDefaults.MaxTokenCacheSize} (it is {options.TokenCacheSize}).");
        }

        if (string.IsNullOrWhiteSpace(options.RolesClaim))
        {
            errors.Add("Auth0:RolesClaim is empty: set the claim that holds roles (default 'roles').");
        }

        if (options.CookieName is { } cookie && cookie.Length == 0)
        {
            errors.Add("Auth0:CookieName is empty: set the cookie name (for example 'app.at') or leave it unset.");
        }

        foreach (var origin in options.TrustedOrigins)
        {
            if (!Authentication.CrossOriginGuard.IsOrigin(origin))
            {
                errors.Add($"Auth0:TrustedOrigins: '{origin}' is not an origin: write scheme://host[:port] (no path, no trailing slash).");
            }
        }

        Auth0.Generated.DPoP.DPoPOptionsValidation.Validate(options.DPoP, errors);
        return errors;
    }

    private static void ValidateDomains(Auth0ApiOptions options, bool isDevelopment, List<string> errors)
    {
        var domains = IssuerRegistry.ConfiguredDomains(options).ToList();
        if (domains.Count == 0)
        {
            errors.Add("No Auth0 domain is configured: set AUTH0_DOMAIN (or Auth0:Domain) to your tenant domain, for example 'example.eu.auth0.com'. (With no domain, the built-in development issuer runs only in the Development environment.)");
            return;
        }

        foreach (var domain in domains)
        {
            if (!IssuerAddress.TryParse(domain, out _, out var isHttp, out var error))
            {
                errors.Add(error!);
            }
            else if (isHttp && !isDevelopment)
            {
                var key = ReferenceEquals(domain, options.Domain) ? "Auth0:Domain (AUTH0_DOMAIN)" : "Auth0:Domains";
                errors.Add($"{key} '{domain}' is an http issuer: outside the Development environment the issuer must be https. Set the domain without 'http://', for example 'example.eu.auth0.com'.");
            }
        }

        if (options.JwksUri is not null && IssuerRegistry.ConfiguredIssuers(options).Count > 1)
        {
            errors.Add("Auth0:JwksUri is set with more than one domain: each issuer's keys come from its own discovery document. Remove Auth0:JwksUri, or configure a single domain.");
        }
    }

    private static void RequirePositive(List<string> errors, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Auth0:{name} must be positive (it is {value}).");
        }
    }

    private static void RequireNonNegative(List<string> errors, TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"Auth0:{name} must not be negative (it is {value}).");
        }
    }
}
