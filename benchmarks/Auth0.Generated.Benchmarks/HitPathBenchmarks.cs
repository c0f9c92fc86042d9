using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Auth0.Generated.Authentication;
using Auth0.Generated.Keys;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Benchmarks;

/// <summary>
/// The pieces of issue 12 and 13 on the typical Auth0 token (<see cref="BenchmarkTokens"/>), each against what it
/// replaced, in one run:
/// <list type="bullet">
/// <item><c>Key</c>: what a cache lookup costs to key the token: the SHA-256 of its UTF-8 bytes (the previous cache)
/// against the lookup by the token text (last-32-characters hash, constant-time compare) the cache does now.</item>
/// <item><c>Validation</c>: a full validation (parse + signature + claims) before issue 12 (IdentityModel's parse and
/// validation, then the one-claim <c>sub</c> type pass) and after (the strict shape pass over header and payload, then
/// the same parse and validation): the cost of refusing string dates, <c>crit</c> and trailing bytes.</item>
/// <item><c>Shape</c>: the strict shape pass alone.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class HitPathBenchmarks : TokenBenchmarksBase
{
    private JsonWebTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;
    private ValidatedTokenCache _cache = null!;
    private DateTimeOffset _now;

    protected override async Task SetupAsync()
    {
        _handler = new JsonWebTokenHandler { MapInboundClaims = false };
        _parameters = Tokens.CreateValidationParameters();
        _now = DateTimeOffset.UtcNow;
        _cache = new ValidatedTokenCache(Auth0ApiDefaults.DefaultTokenCacheSize);
        var keys = new SigningKeys([Tokens.SigningKey], _now);
        _cache.Add(new ValidatedToken(new AccessToken(new JsonWebToken(Tokens.Token)), keys, null, _now.AddHours(-1), _now.AddHours(1), false, null));
        Require(
            TextKey_Lookup() && ShapePass() && await After_ShapePass_Parse_Validate().ConfigureAwait(false) && await Before_Parse_Validate_SubPass().ConfigureAwait(false),
            "A benchmarked path rejected the benchmark token.");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Key")]
    public ulong Sha256_OfToken()
    {
        var token = BearerAuthorization.AsSpan(7); // a segment of the header, as the handler reads it
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(token.Length));
        try
        {
            Span<byte> hash = stackalloc byte[32];
            var length = Encoding.UTF8.GetBytes(token, rented);
            SHA256.HashData(rented.AsSpan(0, length), hash);
            return BitConverter.ToUInt64(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    [Benchmark]
    [BenchmarkCategory("Key")]
    public bool TextKey_Lookup() => _cache.Find(BearerAuthorization.AsSpan(7), _now) is not null;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Validation")]
    public async Task<bool> Before_Parse_Validate_SubPass()
    {
        var jwt = _handler.ReadJsonWebToken(Tokens.Token);
        var result = await _handler.ValidateTokenAsync(jwt, _parameters).ConfigureAwait(false);
        return result.IsValid && OldSubType(jwt.EncodedPayload) == JsonTokenType.String;
    }

    [Benchmark]
    [BenchmarkCategory("Validation")]
    public async Task<bool> After_ShapePass_Parse_Validate()
    {
        if (PayloadInspector.Inspect(Tokens.Token, out _, out _) != TokenShapeError.None)
        {
            return false;
        }

        var jwt = _handler.ReadJsonWebToken(Tokens.Token);
        var result = await _handler.ValidateTokenAsync(jwt, _parameters).ConfigureAwait(false);
        return result.IsValid;
    }

    [Benchmark]
    [BenchmarkCategory("Shape")]
    public bool ShapePass() => PayloadInspector.Inspect(Tokens.Token, out _, out _) == TokenShapeError.None;

    /// <summary>The pass the runtime made before issue 12: the JSON type of <c>sub</c> alone.</summary>
    private static JsonTokenType OldSubType(string encodedPayload)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(encodedPayload.Length));
        try
        {
            if (Base64Url.DecodeFromChars(encodedPayload, rented, out _, out var written) != OperationStatus.Done)
            {
                return JsonTokenType.None;
            }

            var reader = new Utf8JsonReader(rented.AsSpan(0, written));
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSub = reader.ValueTextEquals("sub"u8);
                reader.Read();
                if (isSub)
                {
                    return reader.TokenType;
                }

                reader.Skip();
            }

            return JsonTokenType.None;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
