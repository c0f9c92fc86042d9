using System.Globalization;

namespace Auth0.Generated.TokenExchange;

/// <summary>The tokens an exchange returned. <see cref="ToString"/> names no token.</summary>
public class TokenExchangeResult
{
    internal TokenExchangeResult(string accessToken, DateTimeOffset expiresAt, string? scope, string? issuedTokenType, string tokenType, string? idToken, string? refreshToken)
    {
        AccessToken = accessToken;
        ExpiresAt = expiresAt;
        Scope = scope;
        IssuedTokenType = issuedTokenType;
        TokenType = tokenType;
        IdToken = idToken;
        RefreshToken = refreshToken;
    }

    /// <summary>The issued access token.</summary>
    public string AccessToken { get; }

    /// <summary>When the access token expires (the response's <c>expires_in</c> from the time it arrived).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The granted scopes (<c>scope</c>), when the server said.</summary>
    public string? Scope { get; }

    /// <summary>The <c>issued_token_type</c> (RFC 8693), when the server said.</summary>
    public string? IssuedTokenType { get; }

    /// <summary>The <c>token_type</c>, for example <c>Bearer</c>.</summary>
    public string TokenType { get; }

    /// <summary>The ID token, when one was issued.</summary>
    public string? IdToken { get; }

    /// <summary>The refresh token, when one was issued.</summary>
    public string? RefreshToken { get; }

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{TokenType} token ({IssuedTokenType ?? "unknown type"}) expiring at {ExpiresAt:O}");
}
