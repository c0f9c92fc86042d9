using System.Text.Json.Serialization;

namespace Auth0.Generated.TokenExchange;

/// <summary>A token endpoint answer: a token response (RFC 6749 5.1, RFC 8693 2.2.1) or an error (RFC 6749 5.2).</summary>
/// <remarks>Member names are the protocol's in snake case (<c>access_token</c>...): see <see cref="TokenExchangeJsonContext"/>.</remarks>
internal sealed class TokenResponseJson
{
    public string? AccessToken { get; set; }

    public string? TokenType { get; set; }

    public long? ExpiresIn { get; set; }

    public string? Scope { get; set; }

    public string? IssuedTokenType { get; set; }

    public string? IdToken { get; set; }

    public string? RefreshToken { get; set; }

    public string? Error { get; set; }

    public string? ErrorDescription { get; set; }
}

/// <summary>The parts of a discovery document the exchange reads (<c>issuer</c>, <c>token_endpoint</c>).</summary>
internal sealed class DiscoveryJson
{
    public string? Issuer { get; set; }

    public string? TokenEndpoint { get; set; }
}

/// <summary>
/// Source-generated (reflection-free, Native AOT) JSON for the token exchange. OAuth and OpenID member names are snake
/// case, matched exactly (case-sensitive, as before with one attribute per member).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TokenResponseJson))]
[JsonSerializable(typeof(DiscoveryJson))]
internal sealed partial class TokenExchangeJsonContext : JsonSerializerContext;
