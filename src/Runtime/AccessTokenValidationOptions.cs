namespace Auth0.Generated;

/// <summary>
/// What <see cref="IAccessTokenValidator.ValidateAsync"/> requires beyond the scheme's rules, and the DPoP form: the
/// proof the request carried, with its HTTP method and absolute URL (as auth0-api-js takes them).
/// </summary>
public sealed class AccessTokenValidationOptions
{
    /// <summary>
    /// Claims the token must carry with a non-null value; the first missing one fails with
    /// <c>invalid_token</c> <c>Missing '&lt;claim&gt;' claim</c>.
    /// </summary>
    public IList<string> RequiredClaims { get; } = new List<string>();

    /// <summary>The authentication scheme whose options, keys and cache are used (default <c>Auth0</c>).</summary>
    public string Scheme { get; set; } = Auth0ApiDefaults.AuthenticationScheme;

    /// <summary>
    /// The DPoP proof (RFC 9449) the request carried in its <c>DPoP</c> header, when the token came as
    /// <c>Authorization: DPoP &lt;token&gt;</c>: the token must then be bound to the proof's key and the proof must pass
    /// every check the scheme makes (signature, <c>htm</c>, <c>htu</c>, <c>iat</c>, <c>ath</c>, nonce, replay; see
    /// docs/dpop.md), with the same replay store. Needs <see cref="HttpMethod"/> and <see cref="HttpUrl"/>. Null: the
    /// token came as <c>Bearer</c>, and a token bound with <c>cnf</c> is refused, as is any token when the scheme's
    /// DPoP mode is <c>Required</c>.
    /// </summary>
    public string? DPoPProof { get; set; }

    /// <summary>The request's HTTP method as sent (<c>GET</c>; compared with the proof's <c>htm</c> exactly).</summary>
    public string? HttpMethod { get; set; }

    /// <summary>
    /// The absolute URL the client sent the request to (<c>https://api.example.com/orders/42</c>), compared with the
    /// proof's <c>htu</c> after normalisation; query and fragment are ignored. Behind a proxy, the public address, not
    /// the one the server saw (<c>DPoP.PublicBaseUrl</c> is not applied here).
    /// </summary>
    public Uri? HttpUrl { get; set; }
}
