using System.Net.Http;
using Auth0.Generated.Diagnostics;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Keys;

/// <summary>
/// The issuer's signing keys, fetched through discovery and JWKS and cached.
/// <list type="bullet">
/// <item>Keys are used for <see cref="Auth0ApiOptions.JwksCacheDuration"/>; the first request after that fetches again
/// (and waits for it), so a key removed from the JWKS stops validating at the next refresh. There is no background
/// refresh and no "last known good" fallback to a removed key.</item>
/// <item>A token whose <c>kid</c> is unknown triggers a fetch only when none started within
/// <see cref="Auth0ApiOptions.JwksRefreshCooldown"/>.</item>
/// <item>At most one fetch is in flight; every request that needs it awaits the same task.</item>
/// <item>A failed fetch is not cached: while no fresh keys are held, the next request after
/// <see cref="Auth0ApiOptions.JwksRetryInterval"/> tries again (so a dead issuer sees at most one attempt per interval).
/// Keys fetched earlier keep validating while the issuer is unreachable.</item>
/// </list>
/// One per configured issuer (see <see cref="IssuerRegistry"/>): each has its own keys, cache, cooldown, fetch in flight
/// and timeout, so a rotation or an outage at one issuer never makes another refetch.
/// </summary>
internal sealed partial class JwksKeySource : ISigningKeySource
{
    /// <summary>The largest discovery or JWKS document accepted, in bytes.</summary>
    internal const int MaxDocumentBytes = 256 * 1024;

    /// <summary>The most keys a JWKS may hold; a larger set is refused as a whole.</summary>
    internal const int MaxKeys = 100;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Auth0Metrics? _metrics;
    private readonly string? _jwksUri;
    private readonly bool _allowHttp;
    private readonly TimeSpan _cacheDuration;
    private readonly TimeSpan _cooldown;
    private readonly TimeSpan _retryInterval;
    private readonly TimeSpan _timeout;
    private readonly Lock _lock = new();

    private volatile SigningKeys? _current;
    private Task<SigningKeys?>? _inflight;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    private bool _lastFailed;
    private volatile OAuthEndpoints? _endpoints;

    public JwksKeySource(string issuer, Auth0ApiOptions options, bool allowHttp, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger logger, Auth0Metrics? metrics = null)
    {
        Issuer = issuer;
        _jwksUri = options.JwksUri;
        _allowHttp = allowHttp;
        _cacheDuration = options.JwksCacheDuration;
        _cooldown = options.JwksRefreshCooldown;
        _retryInterval = options.JwksRetryInterval;
        _timeout = options.FetchTimeout;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        metrics?.Track(this);
    }

    public string Issuer { get; }

    /// <summary>The age of the current key set; null before the first successful fetch.</summary>
    public TimeSpan? KeySetAge => _current is { } keys ? _time.GetUtcNow() - keys.FetchedAt : null;

    /// <summary>
    /// The authorization and token endpoints of the issuer's discovery document, fetching the keys first when none were
    /// fetched yet (rate-limited as always); null when unknown (no discovery, <c>JwksUri</c> configured, or no fetch succeeded).
    /// </summary>
    public async ValueTask<OAuthEndpoints?> GetEndpointsAsync(CancellationToken cancellationToken)
    {
        if (_endpoints is null && _jwksUri is null && _current is null)
        {
            await GetKeysAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return _endpoints;
    }
    /// <summary>The <c>token_endpoint</c> of the last discovery document read (the token exchange uses it); null before.</summary>
    public string? TokenEndpoint { get; private set; }

    public ValueTask<SigningKeys?> GetKeysAsync(string? kid, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var current = _current;
        var fresh = current is not null && now - current.FetchedAt < _cacheDuration;
        if (fresh && (kid is null || current!.Contains(kid)))
        {
            return new(current);
        }

        Task<SigningKeys?> task;
        lock (_lock)
        {
            // A fetch may have completed since the lock-free read above: look again before deciding.
            current = _current;
            fresh = current is not null && now - current.FetchedAt < _cacheDuration;
            if (fresh && (kid is null || current!.Contains(kid)))
            {
                return new(current);
            }

            if (_inflight is { } running)
            {
                task = running;
            }
            else
            {
                var wait = fresh ? _cooldown : (_lastFailed ? _retryInterval : TimeSpan.Zero);
                if (now - _lastAttempt < wait)
                {
                    return new(current);
                }

                _lastAttempt = now;
                task = FetchAndStoreAsync();
                _inflight = task.IsCompleted ? null : task;
            }
        }

        return new(task.WaitAsync(cancellationToken));
    }

    private async Task<SigningKeys?> FetchAndStoreAsync()
    {
        var failed = true;
        try
        {
            using var timeout = new CancellationTokenSource(_timeout);
            var keys = await FetchAsync(timeout.Token).ConfigureAwait(false);
            _current = keys;
            failed = false;
            Log.KeysFetched(_logger, keys.Keys.Count, Issuer);
            _metrics?.JwksFetched(Issuer, errorType: null);
            return keys;
        }
#pragma warning disable CA1031 // Any failure of a remote fetch is reported and answered with 401; never crashes a request.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.FetchFailed(_logger, Issuer, e.GetType().Name, e.Message);
            _metrics?.JwksFetched(Issuer, e.GetType().Name);
            return _current;
        }
        finally
        {
            lock (_lock)
            {
                _lastFailed = failed;
                _inflight = null;
            }
        }
    }

    private async Task<SigningKeys> FetchAsync(CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(Auth0ApiDefaults.BackchannelHttpClientName);
        client.MaxResponseContentBufferSize = MaxDocumentBytes;
        client.Timeout = _timeout;

        var jwksUri = _jwksUri;
        if (jwksUri is null)
        {
            var discoveryUri = Issuer + ".well-known/openid-configuration";
            var discoveryJson = await client.GetStringAsync(new Uri(discoveryUri), cancellationToken).ConfigureAwait(false);
            var discovery = OpenIdConnectConfiguration.Create(discoveryJson);
            if (!string.Equals(discovery.Issuer, Issuer, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The discovery document names issuer '{discovery.Issuer}', not '{Issuer}'.");
            }

            jwksUri = discovery.JwksUri;
            _endpoints = OAuthEndpoints.From(discovery);
            TokenEndpoint = string.IsNullOrEmpty(discovery.TokenEndpoint) ? null : discovery.TokenEndpoint;
        }

        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var jwksAddress)
            || (jwksAddress.Scheme != Uri.UriSchemeHttps && !(_allowHttp && jwksAddress.Scheme == Uri.UriSchemeHttp)))
        {
            throw new InvalidOperationException($"The jwks_uri '{jwksUri}' is not an absolute https URL.");
        }

        var jwksJson = await client.GetStringAsync(jwksAddress, cancellationToken).ConfigureAwait(false);
        var set = new JsonWebKeySet(jwksJson);
        if (set.Keys.Count > MaxKeys)
        {
            throw new InvalidOperationException($"The JWKS holds {set.Keys.Count} keys; at most {MaxKeys} are accepted.");
        }

        var keys = new List<SecurityKey>(set.GetSigningKeys());
        if (keys.Count == 0)
        {
            throw new InvalidOperationException("The JWKS holds no usable signing key.");
        }

        return new SigningKeys(keys, _time.GetUtcNow());
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Fetched {Count} signing keys of {Issuer}.")]
        public static partial void KeysFetched(ILogger logger, int count, string issuer);

        [LoggerMessage(2, LogLevel.Warning, "Could not fetch the signing keys of {Issuer} ({ExceptionType}: {Reason}). Tokens needing new keys get 401 until a fetch succeeds.")]
        public static partial void FetchFailed(ILogger logger, string issuer, string exceptionType, string reason);
    }
}

/// <summary>The OAuth 2.0 endpoints an issuer's discovery document names (absolute https URLs, or http in Development).</summary>
internal sealed record OAuthEndpoints(Uri? AuthorizationEndpoint, Uri? TokenEndpoint)
{
    public static OAuthEndpoints? From(OpenIdConnectConfiguration discovery)
    {
        var authorization = Absolute(discovery.AuthorizationEndpoint);
        var token = Absolute(discovery.TokenEndpoint);
        return authorization is null && token is null ? null : new(authorization, token);
    }

    private static Uri? Absolute(string? address)
        => Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
