namespace Auth0.Generated.TokenExchange;

/// <summary>
/// Exchanges tokens at the issuer's token endpoint, authenticated as the configured client (<c>client_secret_post</c>
/// or <c>private_key_jwt</c>). Registered by <c>AddAuth0TokenExchange</c>; thread-safe.
/// Inputs are checked before any request (<see cref="System.ArgumentException"/>); failures are
/// <see cref="TokenExchangeException"/>s.
/// </summary>
public interface ITokenExchangeClient
{
    /// <summary>Custom Token Exchange (RFC 8693): a token of your own type for an Auth0 token.</summary>
    Task<TokenExchangeResult> ExchangeAsync(CustomTokenExchangeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Token Vault: the caller's Auth0 access token for the access token of a connection the user linked.</summary>
    Task<ConnectionTokenResult> GetConnectionTokenAsync(ConnectionTokenRequest request, CancellationToken cancellationToken = default);
}
