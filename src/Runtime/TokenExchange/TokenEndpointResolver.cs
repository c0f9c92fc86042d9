using System.Net.Http;
using System.Text.Json;
using Auth0.Generated.Authentication;
using Auth0.Generated.Configuration;
using Auth0.Generated.Development;
using Auth0.Generated.Keys;
using Microsoft.Extensions.Hosting;

namespace Auth0.Generated.TokenExchange;

/// <summary>Where exchanges are sent: the issuer (client assertion audience) and its token endpoint.</summary>
internal sealed record TokenEndpoint(string Issuer, Uri Address, bool IsDevelopment);

/// <summary>
/// Finds the token endpoint: the configured one; the development issuer's (Development, no domain); the
/// <c>token_endpoint</c> of the discovery document the <c>Auth0</c> scheme's key source already read (no second fetch
/// when the API trusts the same issuer); or, failing those, a discovery fetch of its own, remembered once it succeeds.
/// </summary>
internal sealed class TokenEndpointResolver
{
    private readonly IServiceProvider _services;
    private readonly IOptionsMonitor<Auth0TokenExchangeOptions> _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private TokenEndpoint? _discovered;

    public TokenEndpointResolver(IServiceProvider services, IOptionsMonitor<Auth0TokenExchangeOptions> options, IHttpClientFactory httpClientFactory)
    {
        _services = services;
        _options = options;
        _httpClientFactory = httpClientFactory;
    }

    private bool IsDevelopment => Auth0ApiOptionsValidator.IsDevelopment(_services.GetService<IHostEnvironment>());

    /// <summary>Whether exchanges go to the built-in development issuer (Development, no domain, the API on it too).</summary>
    public bool UsesDevelopmentIssuer
        => string.IsNullOrWhiteSpace(_options.CurrentValue.Domain)
            && _services.GetService<Auth0ValidatorProvider>()?.UsesDevelopmentIssuer() == true;

    public async ValueTask<TokenEndpoint> ResolveAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        if (UsesDevelopmentIssuer)
        {
            var development = _services.GetRequiredService<DevelopmentIssuer>();
            return new(development.Issuer, new Uri(development.Issuer + DevelopmentTokenEndpoint.TokenPath.TrimStart('/')), true);
        }

        if (string.IsNullOrWhiteSpace(options.Domain))
        {
            throw new InvalidOperationException("No Auth0 domain is configured for token exchange: set AUTH0_DOMAIN (or Auth0:Domain).");
        }

        if (!IssuerAddress.TryParse(options.Domain, out var issuer, out _, out var error))
        {
            throw new InvalidOperationException(error);
        }

        if (options.TokenEndpoint is { Length: > 0 } configured)
        {
            return new(issuer, CheckAddress(configured, "Auth0:TokenEndpoint"), false);
        }

        if (_discovered is { } known && known.Issuer == issuer)
        {
            return known;
        }

        // The scheme's key source reads this issuer's discovery document anyway: use its token_endpoint.
        if (SharedKeySource(issuer) is { } keys)
        {
            await keys.GetKeysAsync(null, cancellationToken).ConfigureAwait(false);
            if (keys.TokenEndpoint is { } shared)
            {
                return _discovered = new(issuer, CheckAddress(shared, "token_endpoint"), false);
            }
        }

        return _discovered = new(issuer, CheckAddress(await FetchTokenEndpointAsync(issuer, cancellationToken).ConfigureAwait(false), "token_endpoint"), false);
    }

    private JwksKeySource? SharedKeySource(string issuer)
    {
        try
        {
            return _services.GetService<Auth0ValidatorProvider>()?.Get().Issuers.Find(issuer) is JwksKeySource keys && keys.Issuer == issuer ? keys : null;
        }
        catch (OptionsValidationException)
        {
            // The API is not configured (or differently): the exchange reads discovery itself.
            return null;
        }
    }

    private async Task<string> FetchTokenEndpointAsync(string issuer, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(Auth0ApiDefaults.BackchannelHttpClientName);
        client.MaxResponseContentBufferSize = JwksKeySource.MaxDocumentBytes;
        client.Timeout = Timeout.InfiniteTimeSpan;
        var json = await client.GetByteArrayAsync(new Uri(issuer + ".well-known/openid-configuration"), cancellationToken).ConfigureAwait(false);
        DiscoveryJson? discovery;
        try
        {
            discovery = JsonSerializer.Deserialize(json, TokenExchangeJsonContext.Default.DiscoveryJson);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The discovery document of {issuer} is not JSON.", e);
        }

        if (discovery is null || !string.Equals(discovery.Issuer, issuer, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The discovery document of {issuer} names another issuer.");
        }

        return discovery.TokenEndpoint ?? throw new InvalidOperationException($"The discovery document of {issuer} has no token_endpoint.");
    }

    private Uri CheckAddress(string address, string name)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && !(IsDevelopment && uri.Scheme == Uri.UriSchemeHttp)))
        {
            throw new InvalidOperationException($"The {name} '{address}' is not an absolute https URL.");
        }

        return uri;
    }
}
