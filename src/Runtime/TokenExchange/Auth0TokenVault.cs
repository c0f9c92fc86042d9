namespace Auth0.Generated.TokenExchange;

/// <summary>
/// The caller's Token Vault tokens, for handlers: exchanges the request's validated access token for the access token
/// of a named connection, and keeps the result in a bounded cache keyed by issuer, user (<c>sub</c>), connection and
/// login hint. A cached token is used until its expiry less <see cref="Auth0TokenExchangeOptions.ConnectionTokenExpiryMargin"/>,
/// and never after the caller's own token (the one that obtained it, and the one asking now) expires.
/// Registered by <c>AddAuth0TokenExchange</c>; inject it into handlers.
/// </summary>
public sealed class Auth0TokenVault
{
    private readonly ITokenExchangeClient _client;
    private readonly ConnectionTokenCache? _cache;
    private readonly TimeSpan _margin;
    private readonly TimeProvider _time;

    /// <summary>Creates the vault (done by dependency injection).</summary>
    public Auth0TokenVault(ITokenExchangeClient client, IOptions<Auth0TokenExchangeOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _time = time;
        _margin = options.Value.ConnectionTokenExpiryMargin;
        var size = Math.Max(0, options.Value.ConnectionTokenCacheSize);
        _cache = size > 0 ? new ConnectionTokenCache(size) : null;
    }

    /// <summary>
    /// The Token Vault token of the request's caller for <paramref name="connection"/>. The request must have been
    /// authenticated by the <c>Auth0</c> scheme (an <c>[Authorize]</c> or requirement endpoint).
    /// </summary>
    /// <exception cref="InvalidOperationException">The request carries no validated access token.</exception>
    /// <exception cref="TokenExchangeException">The exchange failed.</exception>
    public Task<ConnectionTokenResult> GetTokenAsync(HttpContext context, string connection, string? loginHint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.GetAccessToken()
            ?? throw new InvalidOperationException("The request was not authenticated by the Auth0 scheme: protect the endpoint ([Authorize] or a requirement) before asking for a Token Vault token.");
        return GetTokenAsync(caller, connection, loginHint, cancellationToken == default ? context.RequestAborted : cancellationToken);
    }

    /// <summary>
    /// The Token Vault token for <paramref name="connection"/> of the user of <paramref name="caller"/>, a token validated
    /// by the scheme or by <see cref="IAccessTokenValidator"/> (outside HTTP: a hub, a consumer).
    /// </summary>
    /// <exception cref="TokenExchangeException">The exchange failed.</exception>
    public async Task<ConnectionTokenResult> GetTokenAsync(AccessToken caller, string connection, string? loginHint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = _time.GetUtcNow();
        var callerExpires = caller.Expires;
        var key = caller.Sub is { } sub && callerExpires is not null
            ? new ConnectionTokenKey(caller.Issuer ?? string.Empty, sub, connection ?? string.Empty, loginHint ?? string.Empty)
            : (ConnectionTokenKey?)null;
        if (_cache is { } cache && key is { } hitKey && callerExpires > now && cache.TryGet(hitKey, now, out var cached))
        {
            return cached;
        }

        var result = await _client.GetConnectionTokenAsync(
            new ConnectionTokenRequest { AccessToken = caller.Jwt.EncodedToken, Connection = connection!, LoginHint = loginHint },
            cancellationToken).ConfigureAwait(false);

        if (_cache is { } store && key is { } addKey)
        {
            var until = result.ExpiresAt - _margin;
            until = callerExpires!.Value < until ? callerExpires.Value : until;
            if (until > now)
            {
                store.Add(addKey, result, until, now);
            }
        }

        return result;
    }
}
