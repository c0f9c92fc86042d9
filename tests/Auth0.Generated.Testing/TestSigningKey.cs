namespace Auth0.Generated.Testing;

/// <summary>An RSA key pair a test owns, with its <c>kid</c>, publishable as a JWK.</summary>
public sealed class TestSigningKey : IDisposable
{
    private TestSigningKey(string keyId, RSA rsa)
    {
        KeyId = keyId;
        Rsa = rsa;
    }

    /// <summary>The key id published in the JWKS and put in token headers.</summary>
    public string KeyId { get; }

    /// <summary>The key pair.</summary>
    public RSA Rsa { get; }

    /// <summary>Creates a 2048-bit key pair.</summary>
    public static TestSigningKey Create(string? keyId = null)
        => new(keyId ?? "key-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), RSA.Create(2048));

    /// <summary>The public key as one JWK object (<c>kty</c>, <c>use</c>, <c>alg</c>, <c>kid</c>, <c>n</c>, <c>e</c>).</summary>
    public string ToJwkJson(string algorithm = "RS256")
    {
        var parameters = Rsa.ExportParameters(false);
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"" + algorithm + "\",\"kid\":\"" + KeyId
            + "\",\"n\":\"" + Base64Url.Encode(parameters.Modulus!) + "\",\"e\":\"" + Base64Url.Encode(parameters.Exponent!) + "\"}";
    }

    /// <summary>The public key in PEM (SubjectPublicKeyInfo), as the bytes an algorithm-confusion attack would use as an HMAC secret.</summary>
    public byte[] PublicKeyPemBytes() => Encoding.ASCII.GetBytes(Rsa.ExportSubjectPublicKeyInfoPem());

    /// <inheritdoc />
    public void Dispose() => Rsa.Dispose();
}

/// <summary>Base64url without padding (RFC 7515).</summary>
public static class Base64Url
{
    /// <summary>Encodes bytes.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>Encodes UTF-8 text.</summary>
    public static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));
}
