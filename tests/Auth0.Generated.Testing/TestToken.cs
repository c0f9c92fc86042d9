namespace Auth0.Generated.Testing;

/// <summary>
/// Builds signed JWTs with full control over header and payload (any JSON type, missing or malformed claims),
/// signed RS256/384/512 with a <see cref="TestSigningKey"/>, HS256/384/512 with a secret, or unsigned (<c>none</c>).
/// Defaults: a valid token (iss, aud, sub, iat, nbf, exp in one hour) for the issuer that made the builder.
/// </summary>
public sealed class TestToken : TestJwt<TestToken>
{
    private TestSigningKey? _key;
    private byte[]? _secret;
    private string _algorithm = "RS256";
    private string _headerSuffix = string.Empty;
    private string _payloadSuffix = string.Empty;

    /// <summary>Starts a token signed by <paramref name="key"/> for <paramref name="issuer"/> and <paramref name="audience"/>.</summary>
    public TestToken(TestSigningKey key, string issuer, string audience)
    {
        _key = key;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        _header["alg"] = "RS256";
        _header["typ"] = "JWT";
        _header["kid"] = key.KeyId;
        _payload["iss"] = issuer;
        _payload["aud"] = audience;
        _payload["sub"] = "auth0|test-user";
        _payload["iat"] = now;
        _payload["nbf"] = now;
        _payload["exp"] = now + 3600;
    }

    /// <summary>Sets a payload claim to raw JSON (any JSON value: <c>"9999999999"</c>, <c>{"jkt":"..."}</c>, <c>null</c>).</summary>
    public TestToken WithJson(string claim, string json)
    {
        _payload[claim] = JsonElementOf(json);
        return this;
    }

    /// <summary>Sets a header parameter to raw JSON (<c>["foo"]</c>, <c>[]</c>, <c>{}</c>, <c>null</c>).</summary>
    public TestToken HeaderJson(string name, string json)
    {
        _header[name] = JsonElementOf(json);
        return this;
    }

    /// <summary>Text appended after the JSON object of the header and of the payload, before encoding (still signed).</summary>
    public TestToken Trailing(string header, string payload)
    {
        _headerSuffix = header;
        _payloadSuffix = payload;
        return this;
    }

    /// <summary>The space-separated <c>scope</c> claim.</summary>
    public TestToken Scope(string scope) => With("scope", scope);

    /// <summary>The <c>roles</c> claim as a JSON array.</summary>
    public TestToken Roles(params string[] roles) => With("roles", roles);

    /// <summary>The <c>exp</c> claim, relative to now.</summary>
    public TestToken ExpiresIn(TimeSpan fromNow) => With("exp", DateTimeOffset.UtcNow.Add(fromNow).ToUnixTimeSeconds());

    /// <summary>The <c>nbf</c> claim, relative to now.</summary>
    public TestToken NotBefore(TimeSpan fromNow) => With("nbf", DateTimeOffset.UtcNow.Add(fromNow).ToUnixTimeSeconds());

    /// <summary>The <c>iat</c> claim, relative to now.</summary>
    public TestToken IssuedAt(TimeSpan fromNow) => With("iat", DateTimeOffset.UtcNow.Add(fromNow).ToUnixTimeSeconds());

    /// <summary>Signs with another RSA key (its kid goes to the header).</summary>
    public TestToken SignedWith(TestSigningKey key, string algorithm = "RS256")
    {
        _key = key;
        _secret = null;
        _algorithm = algorithm;
        _header["alg"] = algorithm;
        _header["kid"] = key.KeyId;
        return this;
    }

    /// <summary>Signs with an HMAC secret (HS256/HS384/HS512); removes the kid.</summary>
    public TestToken SignedWithSecret(byte[] secret, string algorithm = "HS256")
    {
        _secret = secret;
        _key = null;
        _algorithm = algorithm;
        _header["alg"] = algorithm;
        _header.Remove("kid");
        return this;
    }

    /// <summary>An unsigned token (<c>alg: none</c>, empty signature).</summary>
    public TestToken Unsigned()
    {
        _key = null;
        _secret = null;
        _algorithm = "none";
        _header["alg"] = "none";
        return this;
    }

    /// <inheritdoc />
    public override string Build()
    {
        var signingInput = Base64Url.Encode([.. TestJson.Serialize(_header), .. Encoding.UTF8.GetBytes(_headerSuffix)])
            + "." + Base64Url.Encode([.. TestJson.Serialize(_payload), .. Encoding.UTF8.GetBytes(_payloadSuffix)]);
        var data = Encoding.ASCII.GetBytes(signingInput);
        byte[] signature = _algorithm switch
        {
            "none" => [],
            "HS256" => HMACSHA256.HashData(_secret!, data),
            "HS384" => HMACSHA384.HashData(_secret!, data),
            "HS512" => HMACSHA512.HashData(_secret!, data),
            "RS256" => _key!.Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS384" => _key!.Rsa.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "RS512" => _key!.Rsa.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            "PS256" => _key!.Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => throw new NotSupportedException($"Algorithm {_algorithm} is not supported by TestToken."),
        };
        return signingInput + "." + Base64Url.Encode(signature);
    }

    private static JsonElement JsonElementOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
