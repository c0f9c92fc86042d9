
namespace Auth0.Generated.TokenExchange;

/// <summary>The result of a Token Vault exchange: the connection's access token.</summary>
public sealed class ConnectionTokenResult : TokenExchangeResult
{
    internal ConnectionTokenResult(TokenExchangeResult result, string connection, string? loginHint)
        : base(result.AccessToken, result.ExpiresAt, result.Scope, result.IssuedTokenType, result.TokenType, result.IdToken, result.RefreshToken)
    {
        Connection = connection;
        LoginHint = loginHint;
    }

    /// <summary>The connection the token is for.</summary>
    public string Connection { get; }

    /// <summary>The login hint the token was requested with.</summary>
    public string? LoginHint { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Connection}: {base.ToString()}";
}
