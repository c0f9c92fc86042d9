using System.Buffers;
using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Auth0.Generated.DPoP;

/// <summary>
/// Validates the <c>DPoP</c> proof of a request (RFC 9449 section 4.3) against the access token it comes with: exactly
/// one proof of bounded size; <c>typ</c> <c>dpop+jwt</c>; an allowed asymmetric <c>alg</c> matching a public <c>jwk</c>
/// (private members refused); the signature; <c>htm</c> (case-sensitive) and <c>htu</c> (normalised, query and fragment
/// ignored); <c>iat</c> within the window; <c>jti</c>; <c>ath</c>; the server nonce when required; the token's
/// <c>cnf.jkt</c> equal to the RFC 7638 thumbprint of <c>jwk</c>; and, last (so only signed proofs are ever stored),
/// <c>jti</c> never seen before through the <see cref="IDPoPReplayStore"/>. A key seen in an accepted proof is kept
/// imported (<see cref="DPoPKeyCache"/>): its next proofs skip the import and the thumbprint, never a check.
/// Thread-safe; one per scheme, shared by the scheme's requests and <see cref="IAccessTokenValidator"/>.
/// </summary>
internal sealed class DPoPProofValidator
{
    /// <summary>The algorithms this validator can verify.</summary>
    internal static readonly string[] SupportedAlgorithms = ["ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "RS256", "RS384", "RS512"];

    /// <summary>The largest proof accepted, in characters.</summary>
    public const int MaxProofLength = 8 * 1024;

    /// <summary>The largest <c>jti</c> accepted, in characters.</summary>
    public const int MaxJtiLength = 256;

    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public const int MinRsaKeyBits = 2048;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 8, AllowDuplicateProperties = false };

    private static readonly Auth0Failure Missing = Auth0Failure.InvalidDPoPProof("Missing DPoP proof");
    private static readonly Auth0Failure Multiple = Auth0Failure.InvalidDPoPProof("More than one DPoP proof");
    private static readonly Auth0Failure TooLarge = Auth0Failure.InvalidDPoPProof("DPoP proof is too large");
    private static readonly Auth0Failure Malformed = Auth0Failure.InvalidDPoPProof("DPoP proof is not a compact JWS");
    private static readonly Auth0Failure BadType = Auth0Failure.InvalidDPoPProof("DPoP proof \"typ\" must be \"dpop+jwt\"");
    private static readonly Auth0Failure BadAlgorithm = Auth0Failure.InvalidDPoPProof("DPoP proof \"alg\" is not allowed");
    private static readonly Auth0Failure BadKey = Auth0Failure.InvalidDPoPProof("DPoP proof \"jwk\" is missing or not a supported public key");
    private static readonly Auth0Failure PrivateKey = Auth0Failure.InvalidDPoPProof("DPoP proof \"jwk\" must not contain a private key");
    private static readonly Auth0Failure KeyMismatch = Auth0Failure.InvalidDPoPProof("DPoP proof \"alg\" does not match its \"jwk\"");
    private static readonly Auth0Failure BadSignature = Auth0Failure.InvalidDPoPProof("DPoP proof signature verification failed");
    private static readonly Auth0Failure BadMethod = Auth0Failure.InvalidDPoPProof("DPoP proof \"htm\" does not match the request method");
    private static readonly Auth0Failure BadUri = Auth0Failure.InvalidDPoPProof("DPoP proof \"htu\" does not match the request URI");
    private static readonly Auth0Failure BadIssuedAt = Auth0Failure.InvalidDPoPProof("DPoP proof \"iat\" is missing or outside the acceptable window");
    private static readonly Auth0Failure BadJti = Auth0Failure.InvalidDPoPProof("DPoP proof \"jti\" is missing or invalid");
    private static readonly Auth0Failure BadAth = Auth0Failure.InvalidDPoPProof("DPoP proof \"ath\" does not match the access token");
    private static readonly Auth0Failure Replayed = Auth0Failure.InvalidDPoPProof("DPoP proof was already used");
    private static readonly Auth0Failure ReplayUnavailable = Auth0Failure.InvalidDPoPProof("DPoP proof could not be checked for replay");
    private static readonly Auth0Failure NonceRequired = Auth0Failure.UseDPoPNonce("Resource server requires nonce in DPoP proof");
    private static readonly Auth0Failure NotBound = Auth0Failure.InvalidTokenOnDPoP("The access token is not bound to a DPoP key");
    private static readonly Auth0Failure WrongKey = Auth0Failure.InvalidTokenOnDPoP("The DPoP proof key does not match the access token binding");

    private readonly FrozenSet<string> _algorithms;
    private readonly TimeSpan _iatOffset;
    private readonly TimeSpan _iatLeeway;
    private readonly string? _publicBase;
    private readonly IDPoPReplayStore _replay;
    private readonly TimeProvider _time;

    public DPoPProofValidator(DPoPOptions options, IDPoPReplayStore replay, TimeProvider time, int keyCacheCapacity = DPoPKeyCache.DefaultCapacity)
    {
        Keys = new DPoPKeyCache(keyCacheCapacity);
        _algorithms = FrozenSet.Create(StringComparer.Ordinal, [.. options.Algorithms]);
        _iatOffset = options.IatOffset;
        _iatLeeway = options.IatLeeway;
        _publicBase = options.PublicBaseUrl is { Length: > 0 } publicBase ? NormalizeBase(publicBase) : null;
        _replay = replay;
        _time = time;
        Nonces = options.RequireNonce ? new DPoPNonces(options.NonceSecret, options.NonceLifetime, time) : null;
        var algs = new List<string>();
        foreach (var algorithm in SupportedAlgorithms)
        {
            if (_algorithms.Contains(algorithm))
            {
                algs.Add(algorithm);
            }
        }

        Algs = string.Join(' ', algs);
    }

    /// <summary>The accepted algorithms, space-separated, for the challenge's <c>algs</c> parameter.</summary>
    public string Algs { get; }

    /// <summary>The server nonces, when <see cref="DPoPOptions.RequireNonce"/> is on.</summary>
    public DPoPNonces? Nonces { get; }

    /// <summary>The imported public keys of recent proofs (<see cref="DPoPKeyCache"/>).</summary>
    public DPoPKeyCache Keys { get; }

    /// <summary>
    /// Validates the request's proof (its <c>DPoP</c> header) for <paramref name="accessToken"/> (encoded payload
    /// <paramref name="tokenPayload"/>), <c>htm</c> and <c>htu</c> against the request. Null when it holds; otherwise
    /// the failure to answer. Never throws for any input.
    /// </summary>
    public ValueTask<Auth0Failure?> ValidateAsync(HttpRequest request, string accessToken, string tokenPayload, CancellationToken cancellationToken)
    {
        var headers = request.Headers[DPoPDefaults.ProofHeader];
        if (headers.Count == 0 || string.IsNullOrEmpty(headers[0]))
        {
            return new(headers.Count > 1 ? Multiple : Missing);
        }

        if (headers.Count > 1)
        {
            return new(Multiple);
        }

        return ValidateProofAsync(headers[0]!, new DPoPTarget(request), accessToken, tokenPayload, cancellationToken);
    }

    /// <summary>
    /// Validates <paramref name="proof"/> for <paramref name="accessToken"/> (encoded payload
    /// <paramref name="tokenPayload"/>), <c>htm</c> against <paramref name="method"/> and <c>htu</c> against the absolute
    /// <paramref name="url"/> (outside the HTTP pipeline: <see cref="IAccessTokenValidator"/>). The same checks, in the
    /// same order, as <see cref="ValidateAsync(HttpRequest, string, string, CancellationToken)"/>. Never throws for any proof.
    /// </summary>
    public ValueTask<Auth0Failure?> ValidateAsync(string? proof, string method, Uri url, string accessToken, string tokenPayload, CancellationToken cancellationToken)
        => string.IsNullOrEmpty(proof)
            ? new(Missing)
            : ValidateProofAsync(proof, new DPoPTarget(method, url), accessToken, tokenPayload, cancellationToken);

    private async ValueTask<Auth0Failure?> ValidateProofAsync(string proof, DPoPTarget target, string accessToken, string tokenPayload, CancellationToken cancellationToken)
    {
        if (proof.Length > MaxProofLength)
        {
            return TooLarge;
        }

        if (!DPoPConfirmation.TryReadJkt(tokenPayload, out var expectedJkt))
        {
            return NotBound;
        }

        string jkt;
        string jti;
        double iat;
        DPoPProofKey? fresh = null;
        try
        {
            var failure = Check(target, proof, accessToken, expectedJkt!, out jkt, out jti, out iat, ref fresh);
            if (failure is not null)
            {
                return failure;
            }

            if (fresh is not null)
            {
                // A whole proof by this key was accepted for a token bound to it: only such keys are kept.
                Keys.Add(fresh);
                fresh = null;
            }
        }
#pragma warning disable CA1031 // Attacker input: whatever fails while reading a proof is a 401, never a 500.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Malformed;
        }
        finally
        {
            fresh?.Retire();
        }

        try
        {
            var added = await _replay.TryAddAsync(ReplayKey(jkt, jti), ReplayExpiry(iat), cancellationToken).ConfigureAwait(false);
            return added ? null : Replayed;
        }
#pragma warning disable CA1031 // A store that fails (full, unreachable) refuses the proof: fail closed, never a 500.
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return ReplayUnavailable;
        }
    }

    /// <summary>
    /// Every check but replay. <paramref name="fresh"/> is set to a key imported for this proof (not found in
    /// <see cref="Keys"/>): the caller adds it to the cache when the proof holds, and retires it otherwise.
    /// </summary>
    private Auth0Failure? Check(DPoPTarget target, string proof, string accessToken, string expectedJkt, out string jkt, out string jti, out double iat, ref DPoPProofKey? fresh)
    {
        jkt = string.Empty;
        jti = string.Empty;
        iat = 0;
        var firstDot = proof.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : proof.IndexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || secondDot == firstDot + 1 || proof.IndexOf('.', secondDot + 1) >= 0)
        {
            return Malformed;
        }

        var headerBytes = Decode(proof.AsSpan(0, firstDot));
        var payloadBytes = Decode(proof.AsSpan(firstDot + 1, secondDot - firstDot - 1));
        var signature = Decode(proof.AsSpan(secondDot + 1));
        if (headerBytes is null || payloadBytes is null || signature is null || signature.Length == 0)
        {
            return Malformed;
        }

        using var header = JsonDocument.Parse(headerBytes, JsonOptions);
        using var payload = JsonDocument.Parse(payloadBytes, JsonOptions);
        if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            return Malformed;
        }

        var h = header.RootElement;
        if (!TryGetString(h, "typ", out var typ) || !string.Equals(typ, "dpop+jwt", StringComparison.OrdinalIgnoreCase))
        {
            return BadType;
        }

        if (!TryGetString(h, "alg", out var alg) || !_algorithms.Contains(alg))
        {
            return BadAlgorithm;
        }

        if (h.TryGetProperty("crit", out _))
        {
            return Malformed;
        }

        if (!h.TryGetProperty("jwk", out var jwk) || jwk.ValueKind != JsonValueKind.Object)
        {
            return BadKey;
        }

        foreach (var member in PrivateMembers)
        {
            if (jwk.TryGetProperty(member, out _))
            {
                return PrivateKey;
            }
        }

        var signingInput = Encoding.ASCII.GetBytes(proof, 0, secondDot);
        var keyFailure = Verify(jwk, alg, signingInput, signature, out jkt, ref fresh);
        if (keyFailure is not null)
        {
            return keyFailure;
        }

        var p = payload.RootElement;
        if (!TryGetString(p, "htm", out var htm) || !string.Equals(htm, target.Method, StringComparison.Ordinal))
        {
            return BadMethod;
        }

        if (!TryGetString(p, "htu", out var htu) || !HtuMatches(htu, target))
        {
            return BadUri;
        }

        if (!p.TryGetProperty("iat", out var iatElement) || iatElement.ValueKind != JsonValueKind.Number || !iatElement.TryGetDouble(out iat))
        {
            return BadIssuedAt;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000d;
        if (iat < now - _iatOffset.TotalSeconds || iat > now + _iatLeeway.TotalSeconds)
        {
            return BadIssuedAt;
        }

        if (!TryGetString(p, "jti", out jti) || jti.Length == 0 || jti.Length > MaxJtiLength)
        {
            return BadJti;
        }

        if (!TryGetString(p, "ath", out var ath) || !AthMatches(ath, accessToken))
        {
            return BadAth;
        }

        if (Nonces is { } nonces && (!TryGetString(p, "nonce", out var nonce) || !nonces.IsValid(nonce)))
        {
            return NonceRequired;
        }

        return FixedTimeEquals(jkt, expectedJkt) ? null : WrongKey;
    }

    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    /// <summary>
    /// Finds (<see cref="Keys"/>) or builds the key of <paramref name="jwk"/>, checks it fits <paramref name="alg"/>,
    /// verifies the signature, and gives the key's thumbprint. A key built here is returned in <paramref name="fresh"/>.
    /// </summary>
    private Auth0Failure? Verify(JsonElement jwk, string alg, byte[] signingInput, byte[] signature, out string jkt, ref DPoPProofKey? fresh)
    {
        jkt = string.Empty;
        if (!TryGetString(jwk, "kty", out var kty))
        {
            return BadKey;
        }

        var hash = alg[2..] switch
        {
            "256" => HashAlgorithmName.SHA256,
            "384" => HashAlgorithmName.SHA384,
            _ => HashAlgorithmName.SHA512,
        };

        DPoPProofKey? key;
        RSASignaturePadding? padding = null;
        if (kty == "EC")
        {
            if (!TryGetString(jwk, "crv", out var crv) || !TryGetString(jwk, "x", out var x) || !TryGetString(jwk, "y", out var y))
            {
                return BadKey;
            }

            (ECCurve Curve, int Size)? curve = crv switch
            {
                "P-256" => (ECCurve.NamedCurves.nistP256, 32),
                "P-384" => (ECCurve.NamedCurves.nistP384, 48),
                "P-521" => (ECCurve.NamedCurves.nistP521, 66),
                _ => null,
            };
            if (curve is null)
            {
                return BadKey;
            }

            var expectedAlg = crv switch { "P-256" => "ES256", "P-384" => "ES384", _ => "ES512" };
            if (alg != expectedAlg)
            {
                return KeyMismatch;
            }

            var id = DPoPProofKey.EcId(crv, x, y);
            key = Keys.Find(id);
            if (key is null)
            {
                var xBytes = Decode(x);
                var yBytes = Decode(y);
                if (xBytes is null || yBytes is null || xBytes.Length != curve.Value.Size || yBytes.Length != curve.Value.Size)
                {
                    return BadKey;
                }

                key = fresh = DPoPProofKey.ForEc(id, Thumbprint([("crv", crv), ("kty", "EC"), ("x", x), ("y", y)]), new ECParameters { Curve = curve.Value.Curve, Q = new ECPoint { X = xBytes, Y = yBytes } });
            }
        }
        else if (kty == "RSA")
        {
            if (!TryGetString(jwk, "n", out var n) || !TryGetString(jwk, "e", out var e))
            {
                return BadKey;
            }

            if (alg[0] == 'E')
            {
                return KeyMismatch;
            }

            padding = alg[0] == 'P' ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
            var id = DPoPProofKey.RsaId(e, n);
            key = Keys.Find(id);
            if (key is null)
            {
                var modulus = Decode(n);
                var exponent = Decode(e);
                if (modulus is null || exponent is null || modulus.Length * 8 < MinRsaKeyBits || modulus.Length > 2048 || exponent.Length is 0 or > 8)
                {
                    return BadKey;
                }

                key = fresh = DPoPProofKey.ForRsa(id, Thumbprint([("e", e), ("kty", "RSA"), ("n", n)]), new RSAParameters { Modulus = modulus, Exponent = exponent });
            }
        }
        else
        {
            return BadKey;
        }

        if (!key.Verify(signingInput, signature, hash, padding))
        {
            return BadSignature;
        }

        jkt = key.Thumbprint;
        return null;
    }

    /// <summary>RFC 7638: SHA-256 of the required members in lexicographic order, no whitespace, base64url.</summary>
    internal static string Thumbprint(ReadOnlySpan<(string Name, string Value)> members)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in members)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The <c>ath</c> of a token: base64url SHA-256 of its ASCII bytes.</summary>
    internal static string AccessTokenHash(string accessToken)
    {
        Span<byte> hash = stackalloc byte[32];
        HashToken(accessToken, hash);
        return Base64Url.EncodeToString(hash);
    }

    /// <summary>Whether <paramref name="ath"/> is the <see cref="AccessTokenHash"/> of <paramref name="accessToken"/>, compared in constant time.</summary>
    private static bool AthMatches(string ath, string accessToken)
    {
        Span<byte> claimed = stackalloc byte[32];
        if (ath.Length != Base64Url.GetEncodedLength(32) || !Base64Url.TryDecodeFromChars(ath, claimed, out var written) || written != 32)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[32];
        HashToken(accessToken, hash);
        return CryptographicOperations.FixedTimeEquals(claimed, hash);
    }

    private static void HashToken(string accessToken, Span<byte> hash)
    {
        var length = Encoding.ASCII.GetByteCount(accessToken);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.ASCII.GetBytes(accessToken, rented);
            SHA256.HashData(rented.AsSpan(0, written), hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Until when the replay store must remember a proof: as long as it could still pass the <c>iat</c> check
    /// (<c>iat</c> + <see cref="DPoPOptions.IatOffset"/>), plus <see cref="DPoPOptions.IatLeeway"/> for clocks of
    /// instances that run behind this one, plus a second for rounding and the boundary instant (when the leeway is 0);
    /// from now when <c>iat</c> lies ahead, so never longer than now + the window + that second.
    /// </summary>
    private DateTimeOffset ReplayExpiry(double iat)
    {
        var now = _time.GetUtcNow();
        var issued = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Ceiling(iat * 1000));
        return (issued < now ? issued : now) + _iatOffset + _iatLeeway + TimeSpan.FromSeconds(1);
    }

    /// <summary>A fixed-length key for the replay store: SHA-256 of the key thumbprint and the <c>jti</c>.</summary>
    private static string ReplayKey(string jkt, string jti)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(jkt + ":" + jti), hash);
        return Base64Url.EncodeToString(hash);
    }

    private bool HtuMatches(string htu, DPoPTarget target)
    {
        var cut = htu.AsSpan().IndexOfAny('?', '#');
        if (cut >= 0)
        {
            htu = htu[..cut];
        }

        if (!TryNormalize(htu, out var actual))
        {
            return false;
        }

        var expected = target.ExpectedUri(_publicBase);
        if (expected is null || expected.EndsWith("://", StringComparison.Ordinal) || expected.Length == 0)
        {
            return false;
        }

        return string.Equals(actual, EmptyPathAsSlash(expected), StringComparison.Ordinal);
    }

    /// <summary>An absolute http(s) URI without user information, as <c>scheme://host[:port]/path</c> normalised (query and fragment dropped).</summary>
    internal static bool TryNormalize(string absoluteUri, out string normalized)
    {
        normalized = string.Empty;
        return Uri.TryCreate(absoluteUri, UriKind.Absolute, out var uri) && TryNormalize(uri, out normalized);
    }

    /// <inheritdoc cref="TryNormalize(string, out string)"/>
    internal static bool TryNormalize(Uri uri, out string normalized)
    {
        normalized = string.Empty;
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        normalized = Authority(uri) + NormalizePath(uri.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped));
        return true;
    }

    private static string EmptyPathAsSlash(string value)
    {
        var start = value.IndexOf("://", StringComparison.Ordinal) + 3;
        return value.IndexOf('/', start) < 0 ? value + "/" : value;
    }

    /// <summary><c>scheme://host[:port]</c> lower-cased, default port dropped, followed by the normalised path without a trailing slash.</summary>
    internal static string NormalizeBase(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            return string.Empty;
        }

        var path = NormalizePath(uri.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped));
        return Authority(uri) + path.TrimEnd('/');
    }

    private static string Authority(Uri uri)
        => uri.Scheme.ToLowerInvariant() + "://" + uri.IdnHost.ToLowerInvariant() + (uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>RFC 3986 6.2.2: percent-encoded unreserved characters decoded, other escapes in upper case, empty path as <c>/</c>.</summary>
    internal static string NormalizePath(string path)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        if (!path.Contains('%', StringComparison.Ordinal))
        {
            return path;
        }

        var builder = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && char.IsAsciiHexDigit(path[i + 1]) && char.IsAsciiHexDigit(path[i + 2]))
            {
                var decoded = (char)Convert.ToByte(path.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(decoded) || decoded is '-' or '.' or '_' or '~')
                {
                    builder.Append(decoded);
                }
                else
                {
                    builder.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                }

                i += 2;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool TryGetString(JsonElement element, string name, out string value)
    {
        if (element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)
        {
            value = property.GetString()!;
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static byte[]? Decode(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return [];
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, buffer, out var consumed, out var written) != OperationStatus.Done || consumed != text.Length)
        {
            return null;
        }

        return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
    }

    private static bool FixedTimeEquals(string a, string b)
        => a.Length == b.Length && CryptographicOperations.FixedTimeEquals(MemoryMarshalBytes(a), MemoryMarshalBytes(b));

    private static ReadOnlySpan<byte> MemoryMarshalBytes(string value) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan());
}

/// <summary>
/// What a proof's <c>htm</c> and <c>htu</c> are compared with: the request in the pipeline, or the method and absolute
/// URL given to <see cref="IAccessTokenValidator"/>.
/// </summary>
internal readonly struct DPoPTarget
{
    private readonly HttpRequest? _request;
    private readonly Uri? _url;

    public DPoPTarget(HttpRequest request)
    {
        _request = request;
        Method = request.Method;
    }

    public DPoPTarget(string method, Uri url)
    {
        _url = url;
        Method = method;
    }

    /// <summary>The request method, compared with <c>htm</c> exactly.</summary>
    public string Method { get; }

    /// <summary>
    /// The request URI as the client addressed it, normalised, query left out; null when unusable. In the pipeline:
    /// <paramref name="publicBase"/> (already normalised) or the request's scheme, host and path base, then its path.
    /// Given a URL: that URL (<paramref name="publicBase"/> does not apply: the caller says what the client addressed).
    /// </summary>
    public string? ExpectedUri(string? publicBase)
    {
        if (_request is not { } request)
        {
            return _url is not null && DPoPProofValidator.TryNormalize(_url, out var normalized) ? normalized : null;
        }

        var path = DPoPProofValidator.NormalizePath(request.Path.ToUriComponent());
        return publicBase is not null
            ? publicBase + path
            : DPoPProofValidator.NormalizeBase(request.Scheme + "://" + request.Host.ToUriComponent() + request.PathBase.ToUriComponent()) + path;
    }
}
