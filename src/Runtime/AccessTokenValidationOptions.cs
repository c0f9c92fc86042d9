namespace Auth0.Generated;

/// <summary>
/// What <see cref="IAccessTokenValidator.ValidateAsync"/> requires beyond the scheme's rules. This is also where the
/// DPoP form (proof, HTTP method and URL) is added once the runtime supports DPoP.
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
}
