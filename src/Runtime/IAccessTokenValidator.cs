namespace Auth0.Generated;

/// <summary>
/// Validates an access token outside the HTTP pipeline (a SignalR hub, a gRPC or MCP server, a queue consumer, a
/// WebSocket message) with exactly the rules, signing keys and validated-token cache of the <c>Auth0</c> scheme.
/// Registered by <c>AddAuth0Api</c>; thread-safe; never throws for a bad token.
/// </summary>
public interface IAccessTokenValidator
{
    /// <summary>
    /// Validates <paramref name="token"/> (the bare token, without <c>Bearer </c> or <c>DPoP </c>). A token that came
    /// with a DPoP proof is validated in the DPoP form: <see cref="AccessTokenValidationOptions.DPoPProof"/>,
    /// <see cref="AccessTokenValidationOptions.HttpMethod"/> and <see cref="AccessTokenValidationOptions.HttpUrl"/>; the
    /// proof then passes the scheme's own checks, replay store included (see docs/dpop.md).
    /// </summary>
    /// <param name="token">The compact JWS.</param>
    /// <param name="options">Per-call requirements (required claims) and the DPoP form; null for none.</param>
    /// <param name="cancellationToken">Cancels a signing-key fetch the validation waits for.</param>
    /// <returns>The validated token (your <see cref="Auth0TokenAttribute"/> type) or the RFC 6750 failure.</returns>
    ValueTask<AccessTokenValidationResult> ValidateAsync(string token, AccessTokenValidationOptions? options = null, CancellationToken cancellationToken = default);
}
