using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.TokenExchange;

/// <summary>
/// Options of the token exchange client (<c>AddAuth0TokenExchange</c>). Bound from <c>AUTH0_DOMAIN</c>,
/// <c>AUTH0_CLIENT_ID</c>, <c>AUTH0_CLIENT_SECRET</c> and the <c>Auth0</c> section (<c>Domain</c>, <c>ClientId</c>,
/// <c>ClientSecret</c>, <c>ClientAssertionSigningKey</c> as PEM, <c>TokenEndpoint</c>, ...); code runs after binding.
/// </summary>
public sealed class Auth0TokenExchangeOptions
{
    /// <summary>The tenant domain (as <see cref="Auth0ApiOptions.Domain"/>). Empty in Development: the development issuer.</summary>
    public string? Domain { get; set; }

    /// <summary>The client ID of the application that performs the exchanges.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (<c>client_secret_post</c>). Set this or <see cref="ClientAssertionSigningKey"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The private key that signs client assertions (<c>private_key_jwt</c>, RFC 7523): an RSA or EC key whose public
    /// part is registered with the client. Wins over <see cref="ClientSecret"/> when both are set.
    /// </summary>
    public SecurityKey? ClientAssertionSigningKey { get; set; }

    /// <summary>The algorithm of client assertions (default <c>RS256</c> for RSA keys, <c>ES256</c> for EC keys).</summary>
    public string? ClientAssertionSigningAlgorithm { get; set; }

    /// <summary>The token endpoint; when null it is read from the issuer's discovery document (<c>token_endpoint</c>).</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>The timeout of each token request, discovery included (default 10 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many Token Vault tokens <see cref="Auth0TokenVault"/> keeps (default 1000; 0 turns the cache off).</summary>
    public int ConnectionTokenCacheSize { get; set; } = 1000;

    /// <summary>A cached Token Vault token is used until its expiry less this margin (default 60 seconds).</summary>
    public TimeSpan ConnectionTokenExpiryMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The custom <c>subject_token_type</c> the development issuer's token endpoint trusts (Development only): a token
    /// of that type must be one the development issuer signed. Default <c>urn:auth0-generated:development-token</c>.
    /// </summary>
    public string DevelopmentSubjectTokenType { get; set; } = "urn:auth0-generated:development-token";
}
