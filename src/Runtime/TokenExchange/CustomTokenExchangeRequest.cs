namespace Auth0.Generated.TokenExchange;

/// <summary>
/// A Custom Token Exchange (RFC 8693, <c>urn:ietf:params:oauth:grant-type:token-exchange</c>): a token of a type you
/// control (an MCP server's, a legacy system's) for an Auth0 token of another audience, keeping the user.
/// </summary>
public sealed class CustomTokenExchangeRequest
{
    /// <summary>The token to exchange (at most 16 KiB). Never logged nor put in an exception message.</summary>
    public required string SubjectToken { get; init; }

    /// <summary>
    /// A URI you control naming the subject token's type, for example <c>urn:acme:legacy-token</c> or
    /// <c>https://acme.example/token-type/v1</c>. The reserved namespaces (<c>urn:ietf:</c>, <c>urn:auth0:</c>,
    /// <c>urn:okta:</c>, <c>http(s)://auth0.com/</c>, <c>http(s)://okta.com/</c>) are refused.
    /// </summary>
    public required string SubjectTokenType { get; init; }

    /// <summary>The API identifier to get a token for (optional: the client's default audience).</summary>
    public string? Audience { get; init; }

    /// <summary>Space-separated scopes to request (optional).</summary>
    public string? Scope { get; init; }

    /// <summary>An organization ID (<c>org_...</c>) or name (optional).</summary>
    public string? Organization { get; init; }

    /// <summary>
    /// Further form parameters your Custom Token Exchange Action reads (at most 20, names of letters, digits, <c>_</c>,
    /// <c>-</c>, <c>.</c>); a name the exchange sets itself (<c>grant_type</c>, <c>client_id</c>, <c>audience</c>...) is refused.
    /// </summary>
    public IDictionary<string, string> ExtraParameters { get; } = new Dictionary<string, string>();
}
