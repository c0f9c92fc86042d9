using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Testing;

/// <summary>
/// A DPoP key pair a test owns (EC P-256/384/521 or RSA), independent of the runtime's client code: its JWK (public,
/// or with the private members for negative tests) and its RFC 7638 thumbprint computed by IdentityModel.
/// </summary>
public sealed class TestDPoPKey : IDisposable
{
    private TestDPoPKey(string algorithm, ECDsa? ec, RSA? rsa)
    {
        Algorithm = algorithm;
        Ec = ec;
        Rsa = rsa;
    }

    /// <summary>The signature algorithm (ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512).</summary>
    public string Algorithm { get; }

    /// <summary>The EC key pair, for ES*.</summary>
    public ECDsa? Ec { get; }

    /// <summary>The RSA key pair, for RS*/PS*.</summary>
    public RSA? Rsa { get; }

    /// <summary>A fresh key for <paramref name="algorithm"/> (RSA keys: <paramref name="rsaBits"/> bits).</summary>
    public static TestDPoPKey Create(string algorithm = "ES256", int rsaBits = 2048) => algorithm switch
    {
        "ES256" => new(algorithm, ECDsa.Create(ECCurve.NamedCurves.nistP256), null),
        "ES384" => new(algorithm, ECDsa.Create(ECCurve.NamedCurves.nistP384), null),
        "ES512" => new(algorithm, ECDsa.Create(ECCurve.NamedCurves.nistP521), null),
        _ when algorithm.StartsWith("RS", StringComparison.Ordinal) || algorithm.StartsWith("PS", StringComparison.Ordinal) => new(algorithm, null, RSA.Create(rsaBits)),
        _ => throw new NotSupportedException(algorithm),
    };

    /// <summary>An ES256 key read from a PKCS#8 PEM (as <see cref="ExportPem"/> writes it), for a key shared between processes.</summary>
    public static TestDPoPKey ImportEs256(string pem)
    {
        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return new("ES256", ec, null);
    }

    /// <summary>The private key as PKCS#8 PEM.</summary>
    public string ExportPem() => Ec is not null ? Ec.ExportPkcs8PrivateKeyPem() : Rsa!.ExportPkcs8PrivateKeyPem();

    /// <summary>The JWK members (public only unless <paramref name="includePrivate"/>).</summary>
    public Dictionary<string, object?> Jwk(bool includePrivate = false)
    {
        var jwk = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Ec is not null)
        {
            var p = Ec.ExportParameters(includePrivate);
            jwk["kty"] = "EC";
            jwk["crv"] = Algorithm switch { "ES256" => "P-256", "ES384" => "P-384", _ => "P-521" };
            jwk["x"] = Base64Url.Encode(p.Q.X);
            jwk["y"] = Base64Url.Encode(p.Q.Y);
            if (includePrivate)
            {
                jwk["d"] = Base64Url.Encode(p.D);
            }
        }
        else
        {
            var p = Rsa!.ExportParameters(includePrivate);
            jwk["kty"] = "RSA";
            jwk["n"] = Base64Url.Encode(p.Modulus);
            jwk["e"] = Base64Url.Encode(p.Exponent);
            if (includePrivate)
            {
                jwk["d"] = Base64Url.Encode(p.D);
            }
        }

        return jwk;
    }

    /// <summary>The RFC 7638 SHA-256 thumbprint, base64url, as IdentityModel computes it.</summary>
    public string Thumbprint()
    {
        var jwk = Ec is not null
            ? JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(Ec))
            : JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Rsa!.ExportParameters(false)));
        return Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
    }

    /// <summary>The token claim that binds a token to this key: <c>{"jkt": thumbprint}</c>.</summary>
    public JsonElement Confirmation() => JsonDocument.Parse("{\"jkt\":\"" + Thumbprint() + "\"}").RootElement.Clone();

    /// <summary>Signs <paramref name="data"/> with <paramref name="algorithm"/> (default: this key's algorithm).</summary>
    public byte[] Sign(byte[] data, string? algorithm = null)
    {
        algorithm ??= Algorithm;
        var hash = algorithm[2..] switch { "256" => HashAlgorithmName.SHA256, "384" => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
        return Ec is not null
            ? Ec.SignData(data, hash)
            : Rsa!.SignData(data, hash, algorithm[0] == 'P' ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Ec?.Dispose();
        Rsa?.Dispose();
    }
}

/// <summary>
/// Builds a DPoP proof with full control over header and payload. Defaults: a valid proof by <see cref="TestDPoPKey"/>
/// for the method and URI, with a random <c>jti</c>, <c>iat</c> now and <c>ath</c> of the token when given.
/// </summary>
public sealed class TestDPoPProof : TestJwt<TestDPoPProof>
{
    private TestDPoPKey _signer;
    private string? _signingAlgorithm;
    private bool _tamper;

    /// <summary>A valid proof by <paramref name="key"/> for <paramref name="method"/> <paramref name="htu"/> and <paramref name="accessToken"/>.</summary>
    public TestDPoPProof(TestDPoPKey key, string method, string htu, string? accessToken)
    {
        _signer = key;
        _header["typ"] = "dpop+jwt";
        _header["alg"] = key.Algorithm;
        _header["jwk"] = key.Jwk();
        _payload["jti"] = Guid.NewGuid().ToString("N");
        _payload["htm"] = method;
        _payload["htu"] = htu;
        _payload["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (accessToken is not null)
        {
            _payload["ath"] = Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)));
        }
    }

    /// <summary>Signs with another key than the one in <c>jwk</c> (and optionally another algorithm than the header names).</summary>
    public TestDPoPProof SignedBy(TestDPoPKey key, string? algorithm = null)
    {
        _signer = key;
        _signingAlgorithm = algorithm;
        return this;
    }

    /// <summary>Flips a bit of the signature.</summary>
    public TestDPoPProof Tampered()
    {
        _tamper = true;
        return this;
    }

    /// <inheritdoc />
    public override string Build()
    {
        var signingInput = Base64Url.Encode(TestJson.Serialize(_header)) + "." + Base64Url.Encode(TestJson.Serialize(_payload));
        var signature = _signer.Sign(Encoding.ASCII.GetBytes(signingInput), _signingAlgorithm);
        if (_tamper)
        {
            signature[^1] ^= 1;
        }

        return signingInput + "." + Base64Url.Encode(signature);
    }
}
