using System.Text.Json.Serialization;

namespace Auth0.Generated.TokenExchange;

/// <summary>A token endpoint answer: a token response (RFC 6749 5.1, RFC 8693 2.2.1) or an error (RFC 6749 5.2).</summary>
internal sealed class TokenResponseJson
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    [JsonPropertyName("issued_token_type")]
    public string? IssuedTokenType { get; set; }

    [JsonPropertyName("id_token")]
    public string? IdToken { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }
}

/// <summary>The parts of a discovery document the exchange reads.</summary>
internal sealed class DiscoveryJson
{
    [JsonPropertyName("issuer")]
    public string? Issuer { get; set; }

    [JsonPropertyName("token_endpoint")]
    public string? TokenEndpoint { get; set; }
}

/// <summary>Source-generated (reflection-free, Native AOT) JSON for the token exchange.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TokenResponseJson))]
[JsonSerializable(typeof(DiscoveryJson))]
internal sealed partial class TokenExchangeJsonContext : JsonSerializerContext;
