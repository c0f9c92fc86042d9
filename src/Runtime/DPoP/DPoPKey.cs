using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Auth0.Generated.DPoP;

/// <summary>
/// A client's DPoP key pair (EC P-256/384/521 or RSA): its RFC 7638 thumbprint (the token's <c>cnf.jkt</c>) and the
/// proofs it signs (RFC 9449 section 4.2). Used by <see cref="DPoPProofHandler"/>; thread-safe.
/// </summary>
public sealed class DPoPKey : IDisposable
{
    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;
    private readonly HashAlgorithmName _hash;
    private readonly byte[] _encodedHeader;
    private readonly TimeProvider _time;
    private readonly bool _ownsKey;

    private DPoPKey(ECDsa? ecdsa, RSA? rsa, string algorithm, TimeProvider? time, bool ownsKey = false)
    {
        _ownsKey = ownsKey;
        _ecdsa = ecdsa;
        _rsa = rsa;
        _time = time ?? TimeProvider.System;
        Algorithm = algorithm;
        _hash = algorithm[2..] switch
        {
            "256" => HashAlgorithmName.SHA256,
            "384" => HashAlgorithmName.SHA384,
            "512" => HashAlgorithmName.SHA512,
            _ => throw new ArgumentException($"Unsupported DPoP algorithm '{algorithm}'.", nameof(algorithm)),
        };

        (string Name, string Value)[] members;
        if (ecdsa is not null)
        {
            var p = ecdsa.ExportParameters(false);
            var crv = algorithm switch { "ES256" => "P-256", "ES384" => "P-384", _ => "P-521" };
            members = [("crv", crv), ("kty", "EC"), ("x", Base64Url.EncodeToString(p.Q.X)), ("y", Base64Url.EncodeToString(p.Q.Y))];
        }
        else
        {
            var p = rsa!.ExportParameters(false);
            members = [("e", Base64Url.EncodeToString(p.Exponent)), ("kty", "RSA"), ("n", Base64Url.EncodeToString(p.Modulus))];
        }

        Thumbprint = DPoPProofValidator.Thumbprint(members);
        PublicJwk = Json(writer =>
        {
            foreach (var (name, value) in members)
            {
                writer.WriteString(name, value);
            }
        });
        _encodedHeader = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            "{\"typ\":\"dpop+jwt\",\"alg\":\"" + algorithm + "\",\"jwk\":" + PublicJwk + "}")));
    }

    /// <summary>The proof signature algorithm (for example <c>ES256</c>).</summary>
    public string Algorithm { get; }

    /// <summary>The RFC 7638 SHA-256 thumbprint of the public key, base64url: the <c>cnf.jkt</c> of tokens bound to it.</summary>
    public string Thumbprint { get; }

    /// <summary>The public key as a JWK (required members only).</summary>
    public string PublicJwk { get; }

    /// <summary>A new P-256 key (ES256).</summary>
    public static DPoPKey CreateES256(TimeProvider? time = null) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), null, "ES256", time, ownsKey: true);

    /// <summary>A key over an EC key pair (P-256, P-384 or P-521: ES256, ES384, ES512). The key is used, not copied: dispose it yourself.</summary>
    public static DPoPKey FromECDsa(ECDsa key, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var algorithm = key.KeySize switch
        {
            256 => "ES256",
            384 => "ES384",
            521 => "ES512",
            _ => throw new ArgumentException("DPoP EC keys are P-256, P-384 or P-521.", nameof(key)),
        };
        return new(key, null, algorithm, time);
    }

    /// <summary>A key over an RSA key pair (at least 2048 bits) with <c>RS256/384/512</c> or <c>PS256/384/512</c>. Dispose the RSA yourself.</summary>
    public static DPoPKey FromRsa(RSA key, string algorithm = "PS256", TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize < DPoPProofValidator.MinRsaKeyBits || algorithm is not ("RS256" or "RS384" or "RS512" or "PS256" or "PS384" or "PS512"))
        {
            throw new ArgumentException("DPoP RSA keys need at least 2048 bits and RS256/384/512 or PS256/384/512.", nameof(algorithm));
        }

        return new(null, key, algorithm, time);
    }

    /// <summary>
    /// A signed proof for <paramref name="method"/> <paramref name="uri"/> (query and fragment left out of <c>htu</c>),
    /// with a random <c>jti</c>, <c>iat</c> now, <c>ath</c> when <paramref name="accessToken"/> is given and the server
    /// <paramref name="nonce"/> when given.
    /// </summary>
    public string CreateProof(string method, Uri uri, string? accessToken = null, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        var htu = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var payload = Json(writer =>
        {
            writer.WriteString("jti", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
            writer.WriteString("htm", method);
            writer.WriteString("htu", htu);
            writer.WriteNumber("iat", _time.GetUtcNow().ToUnixTimeSeconds());
            if (accessToken is not null)
            {
                writer.WriteString("ath", DPoPProofValidator.AccessTokenHash(accessToken));
            }

            if (nonce is not null)
            {
                writer.WriteString("nonce", nonce);
            }
        });

        var signingInput = new byte[_encodedHeader.Length + 1 + Base64Url.GetEncodedLength(Encoding.UTF8.GetByteCount(payload))];
        _encodedHeader.CopyTo(signingInput, 0);
        signingInput[_encodedHeader.Length] = (byte)'.';
        Base64Url.EncodeToUtf8(Encoding.UTF8.GetBytes(payload), signingInput.AsSpan(_encodedHeader.Length + 1));
        var signature = _ecdsa is not null
            ? _ecdsa.SignData(signingInput, _hash)
            : _rsa!.SignData(signingInput, _hash, Algorithm[0] == 'P' ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        return Encoding.ASCII.GetString(signingInput) + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Disposes the key pair when it was created by <see cref="CreateES256"/>.</summary>
    public void Dispose()
    {
        if (_ownsKey)
        {
            _ecdsa?.Dispose();
        }
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
