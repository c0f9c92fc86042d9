namespace Auth0.Generated.TokenExchange;

/// <summary>
/// A Token Vault exchange (<c>urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token</c>):
/// the caller's Auth0 access token for the access token of a connection (Google, GitHub...) the user linked.
/// </summary>
public sealed class ConnectionTokenRequest
{
    /// <summary>The caller's Auth0 access token. Never logged nor put in an exception message.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The connection name, for example <c>google-oauth2</c>.</summary>
    public required string Connection { get; init; }

    /// <summary>Which of the user's identities on the connection to use (optional).</summary>
    public string? LoginHint { get; init; }
}
