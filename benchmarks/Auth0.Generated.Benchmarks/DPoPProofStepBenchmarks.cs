using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Auth0.Generated.DPoP;
using BenchmarkDotNet.Attributes;

namespace Auth0.Generated.Benchmarks;

/// <summary>
/// Where the time of one DPoP proof goes: each step <see cref="DPoPProofValidator"/> takes for a request, alone, on a
/// real proof of the benchmark token (see <see cref="DPoPBenchmarks"/> for the whole request):
/// <list type="bullet">
/// <item><c>Parse</c>: split, base64url-decode header, payload and signature, two <see cref="JsonDocument"/>s;</item>
/// <item><c>Import</c>: the proof's <c>jwk</c> into an <see cref="ECDsa"/> / <see cref="RSA"/> (OpenSSL checks the point or the modulus);</item>
/// <item><c>Verify</c>: the signature with an already-imported key;</item>
/// <item><c>Thumbprint</c>: RFC 7638 canonical JSON and SHA-256 of the <c>jwk</c>;</item>
/// <item><c>Htu</c>: the request's base and the proof's <c>htu</c> parsed and normalised (two <see cref="Uri"/>s);</item>
/// <item><c>Ath</c>: SHA-256 of the access token; <c>CnfJkt</c>: the token's <c>cnf.jkt</c> read from its payload;</item>
/// <item><c>Replay</c>: the replay key (SHA-256 of thumbprint and <c>jti</c>) and the in-memory store's add.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class DPoPProofStepBenchmarks : TokenBenchmarksBase
{
    private DPoPKey _key = null!;
    private RSA? _rsa;
    private string _proof = null!;
    private string _tokenPayload = null!;
    private byte[] _signingInput = null!;
    private byte[] _signature = null!;
    private string _x = null!;
    private string _y = null!;
    private string _n = null!;
    private string _e = null!;
    private ECParameters _ecParameters;
    private RSAParameters _rsaParameters;
    private ECDsa? _importedEc;
    private RSA? _importedRsa;
    private InMemoryDPoPReplayStore _store = null!;
    private long _jti;

    [Params("ES256", "RS256")]
    public string Algorithm { get; set; } = "ES256";

    protected override Task SetupAsync()
    {
        _tokenPayload = Tokens.Token.Split('.')[1];
        if (Algorithm == "ES256")
        {
            _key = DPoPKey.CreateES256();
        }
        else
        {
            _rsa = RSA.Create(2048);
            _key = DPoPKey.FromRsa(_rsa, Algorithm);
        }

        _proof = _key.CreateProof("GET", new Uri("http://localhost/api/private-scoped"), Tokens.Token);
        var lastDot = _proof.LastIndexOf('.');
        _signingInput = Encoding.ASCII.GetBytes(_proof[..lastDot]);
        _signature = Base64Url.DecodeFromChars(_proof.AsSpan(lastDot + 1));
        using var jwk = JsonDocument.Parse(_key.PublicJwk);
        if (Algorithm == "ES256")
        {
            _x = jwk.RootElement.GetProperty("x").GetString()!;
            _y = jwk.RootElement.GetProperty("y").GetString()!;
            _ecParameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = Base64Url.DecodeFromChars(_x), Y = Base64Url.DecodeFromChars(_y) } };
            _importedEc = ECDsa.Create(_ecParameters);
        }
        else
        {
            _n = jwk.RootElement.GetProperty("n").GetString()!;
            _e = jwk.RootElement.GetProperty("e").GetString()!;
            _rsaParameters = new RSAParameters { Modulus = Base64Url.DecodeFromChars(_n), Exponent = Base64Url.DecodeFromChars(_e) };
            _importedRsa = RSA.Create(_rsaParameters);
        }

        _store = new InMemoryDPoPReplayStore(TimeProvider.System);
        Require(Verify(), "The benchmark proof does not verify.");
        return Task.CompletedTask;
    }

    protected override Task CleanupAsync()
    {
        _importedEc?.Dispose();
        _importedRsa?.Dispose();
        _key.Dispose();
        _rsa?.Dispose();
        return Task.CompletedTask;
    }

    [Benchmark]
    public int Parse()
    {
        var first = _proof.IndexOf('.', StringComparison.Ordinal);
        var second = _proof.IndexOf('.', first + 1);
        var header = Base64Url.DecodeFromChars(_proof.AsSpan(0, first));
        var payload = Base64Url.DecodeFromChars(_proof.AsSpan(first + 1, second - first - 1));
        var signature = Base64Url.DecodeFromChars(_proof.AsSpan(second + 1));
        using var h = JsonDocument.Parse(header);
        using var p = JsonDocument.Parse(payload);
        return h.RootElement.GetProperty("jwk").GetProperty("kty").GetString()!.Length + p.RootElement.GetProperty("htu").GetString()!.Length + signature.Length;
    }

    [Benchmark]
    public int Import()
    {
        if (Algorithm == "ES256")
        {
            using var ec = ECDsa.Create(_ecParameters);
            return ec.KeySize;
        }

        using var rsa = RSA.Create(_rsaParameters);
        return rsa.KeySize;
    }

    [Benchmark]
    public bool Verify() => Algorithm == "ES256"
        ? _importedEc!.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256)
        : _importedRsa!.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark]
    public string Thumbprint() => Algorithm == "ES256"
        ? DPoPProofValidator.Thumbprint([("crv", "P-256"), ("kty", "EC"), ("x", _x), ("y", _y)])
        : DPoPProofValidator.Thumbprint([("e", _e), ("kty", "RSA"), ("n", _n)]);

    [Benchmark]
    public bool Htu()
    {
        var expected = DPoPProofValidator.NormalizeBase("http://localhost") + DPoPProofValidator.NormalizePath("/api/private-scoped");
        return Uri.TryCreate("http://localhost/api/private-scoped", UriKind.Absolute, out var uri)
            && string.Equals(DPoPProofValidator.NormalizeBase(uri.GetLeftPart(UriPartial.Authority)) + DPoPProofValidator.NormalizePath(uri.AbsolutePath), expected, StringComparison.Ordinal);
    }

    [Benchmark]
    public string Ath() => DPoPProofValidator.AccessTokenHash(Tokens.Token);

    [Benchmark]
    public bool CnfJkt() => DPoPConfirmation.TryReadJkt(_tokenPayload, out _);

    [Benchmark]
    public ValueTask<bool> Replay()
    {
        // Entries expire after a millisecond: the store stays small, as a real one whose proofs expire stays bounded.
        var jti = Interlocked.Increment(ref _jti).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(_key.Thumbprint + ":" + jti), hash);
        return _store.TryAddAsync(Base64Url.EncodeToString(hash), DateTimeOffset.UtcNow.AddMilliseconds(1), default);
    }
}
