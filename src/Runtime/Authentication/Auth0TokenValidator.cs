using System.Security.Claims;
using System.Text;
using Auth0.Generated.Diagnostics;
using Auth0.Generated.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Authentication;

/// <summary>The outcome of validating one token: what requests share about it, or the failure to answer.</summary>
internal readonly record struct TokenValidationOutcome(ValidatedToken? Token, Auth0Failure? Failure);

/// <summary>
/// Validates access tokens with <see cref="JsonWebTokenHandler"/> against the keys of the token's issuer (selected by
/// <c>iss</c> in the <see cref="IssuerRegistry"/> before any key is used; an unconfigured issuer fails without a fetch):
/// issuer (exact), audience, algorithm, lifetime with tolerance, optional iat/typ rules, <c>sub</c> type.
/// One per application; thread-safe; the validation parameters are built once per key set.
/// </summary>
internal sealed class Auth0TokenValidator
{
    private static readonly Auth0Failure Malformed = Auth0Failure.InvalidToken("Invalid Compact JWS");
    private static readonly Auth0Failure TooLarge = Auth0Failure.InvalidToken("Token is too large");
    private static readonly Auth0Failure BadSignature = Auth0Failure.InvalidToken("signature verification failed");
    private static readonly Auth0Failure BadIssuer = Auth0Failure.InvalidToken("unexpected \"iss\" claim value");
    private static readonly Auth0Failure BadAudience = Auth0Failure.InvalidToken("unexpected \"aud\" claim value");
    private static readonly Auth0Failure Expired = Auth0Failure.InvalidToken("\"exp\" claim timestamp check failed");
    private static readonly Auth0Failure NoExpiry = Auth0Failure.InvalidToken("missing required \"exp\" claim");
    private static readonly Auth0Failure NotYetValid = Auth0Failure.InvalidToken("\"nbf\" claim timestamp check failed");
    private static readonly Auth0Failure BadAlgorithm = Auth0Failure.InvalidToken("unexpected \"alg\" header value");
    private static readonly Auth0Failure BadType = Auth0Failure.InvalidToken("unexpected \"typ\" JWT header value");
    private static readonly Auth0Failure NoIssuedAt = Auth0Failure.InvalidToken("missing required \"iat\" claim");
    private static readonly Auth0Failure BadIssuedAt = Auth0Failure.InvalidToken("\"iat\" claim timestamp check failed");
    private static readonly Auth0Failure BadSubject = Auth0Failure.InvalidToken("unexpected \"sub\" claim value");
    private static readonly Auth0Failure Critical = Auth0Failure.InvalidToken("unsupported \"crit\" header parameter");
    private static readonly Auth0Failure ExpiresNotNumber = Auth0Failure.InvalidToken("\"exp\" claim must be a number");
    private static readonly Auth0Failure NotBeforeNotNumber = Auth0Failure.InvalidToken("\"nbf\" claim must be a number");
    private static readonly Auth0Failure IssuedAtNotNumber = Auth0Failure.InvalidToken("\"iat\" claim must be a number");
    private static readonly Auth0Failure NoKeys = Auth0Failure.InvalidToken("Unable to fetch the signing keys of the issuer");
    private static readonly Auth0Failure Invalid = Auth0Failure.InvalidToken("Invalid token");

    private readonly IdentityHandler _handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = Auth0ApiDefaults.MaxTokenLength };
    private readonly IssuerRegistry _issuers;
    private readonly Auth0Metrics? _metrics;
    private readonly SigningKeys? _secretKeys;
    private readonly string[] _audiences;
    private readonly string[] _algorithms;
    private readonly TimeSpan _tolerance;
    private readonly bool _strict;
    private readonly bool _requireIssuedAt;
    private readonly TimeSpan? _maxAge;
    private readonly string _rolesClaim;
    private readonly TimeProvider _time;
    private readonly TokenValidationParameters _identityParameters;
    private readonly Func<JsonWebToken, ClaimsIdentity> _createIdentity;
    private long _fullValidations;

    public Auth0TokenValidator(IssuerRegistry issuers, Auth0ApiOptions options, IEnumerable<string> audiences, TimeProvider time, Auth0Metrics? metrics = null)
    {
        _issuers = issuers;
        _metrics = metrics;
        _time = time;
        Cache = options.TokenCacheSize > 0 ? new ValidatedTokenCache(options.TokenCacheSize) : null;
        _audiences = [.. audiences];
        _tolerance = options.ClockTolerance;
        _strict = options.Strict;
        _maxAge = options.MaxTokenAge;
        _requireIssuedAt = options.Strict || options.MaxTokenAge is not null;
        _rolesClaim = options.RolesClaim;
        Settings = new AccessTokenSettings(options.RolesClaim, options.PermissionsAsScopes);

        var algorithms = new List<string>();
        foreach (var algorithm in options.Algorithms)
        {
            algorithms.Add(algorithm.Trim());
        }

        if (!string.IsNullOrEmpty(options.SymmetricSecret))
        {
            var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SymmetricSecret));
            _secretKeys = new SigningKeys([secret], DateTimeOffset.MaxValue);
            foreach (var hs in new[] { SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512 })
            {
                if (!algorithms.Contains(hs))
                {
                    algorithms.Add(hs);
                }
            }
        }

        _algorithms = [.. algorithms];
        _identityParameters = new TokenValidationParameters
        {
            AuthenticationType = Auth0ApiDefaults.AuthenticationScheme,
            NameClaimType = "sub",
            RoleClaimType = _rolesClaim,
        };
        _createIdentity = jwt => _handler.CreateIdentity(jwt, _identityParameters);
    }

    /// <summary>How tokens read scopes and roles.</summary>
    public AccessTokenSettings Settings { get; }

    /// <summary>The first configured issuer (the only one of the development issuer).</summary>
    public string Issuer => _issuers.Sources[0].Issuer;

    /// <summary>The configured issuers and their key sources.</summary>
    internal IssuerRegistry Issuers => _issuers;

    /// <summary>The accepted audiences.</summary>
    public IReadOnlyList<string> Audiences => _audiences;

    /// <summary>The cache of validated tokens; null when <see cref="Auth0ApiOptions.TokenCacheSize"/> is 0.</summary>
    internal ValidatedTokenCache? Cache { get; }

    /// <summary>How many tokens went through full validation (signature included): diagnostics and tests.</summary>
    internal long FullValidations => Interlocked.Read(ref _fullValidations);

    /// <summary>Fetches the signing keys ahead of the first request (the keys source logs a failure; never throws).</summary>
    internal async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await _issuers.WarmUpAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The hit path: the entry of a token validated earlier, when it is the very same text, within its lifetime and
    /// verified by the key-set generation that is current now. No parse, no allocation. Null: validate in full.
    /// </summary>
    public ValidatedToken? FindValidated(ReadOnlySpan<char> token)
    {
        if (Cache is not { } cache)
        {
            return null;
        }

        if (cache.Find(token, _time.GetUtcNow()) is not { } entry)
        {
            _metrics?.CacheLookup(hit: false);
            return null;
        }

        if (!ReferenceEquals(entry.Keys, _secretKeys))
        {
            // The current generation of the token's own issuer, as a full validation would get it (a refresh that is due
            // starts here, as it would there).
            var source = _issuers.Sources.Count == 1 ? _issuers.Sources[0] : _issuers.Find(entry.Token.Issuer);
            var current = source?.GetKeysAsync(entry.KeyId, CancellationToken.None);
            if (current is not { IsCompletedSuccessfully: true } done)
            {
                _metrics?.CacheLookup(hit: false);
                return null;
            }

            if (!ReferenceEquals(done.Result, entry.Keys))
            {
                cache.Remove(entry);
                _metrics?.CacheLookup(hit: false);
                return null;
            }
        }

        cache.RecordHit(entry);
        _metrics?.CacheLookup(hit: true);
        return entry;
    }

    /// <summary>A new identity for one request, its claims built from the token on first read.</summary>
    public ClaimsIdentity CreateIdentity(ValidatedToken token)
        => new LazyClaimsIdentity(token.Token.Jwt, _createIdentity, Auth0ApiDefaults.AuthenticationScheme, "sub", _rolesClaim);

    /// <summary>Full validation (the cache is not consulted: see <see cref="FindValidated"/>); a valid token is added to the cache.</summary>
    public async ValueTask<TokenValidationOutcome> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length > Auth0ApiDefaults.MaxTokenLength)
        {
            return Fail(TooLarge);
        }

        // Before IdentityModel's parse, which accepts some of these shapes and throws an unspecific error on others.
        var shape = PayloadInspector.Inspect(token, out var confirmation, out var thumbprint);
        if (shape != TokenShapeError.None)
        {
            return Fail(shape switch
            {
                TokenShapeError.Critical => Critical,
                TokenShapeError.ExpiresNotNumber => ExpiresNotNumber,
                TokenShapeError.NotBeforeNotNumber => NotBeforeNotNumber,
                TokenShapeError.IssuedAtNotNumber => IssuedAtNotNumber,
                TokenShapeError.SubjectNotString => BadSubject,
                _ => Malformed,
            });
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
#pragma warning disable CA1031 // Attacker input: every parse failure is a 401, never a 500.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Fail(Malformed);
        }

        if (jwt.IsEncrypted)
        {
            return Fail(Malformed);
        }

        var useSecret = _secretKeys is not null && jwt.Alg is { } alg && alg.StartsWith("HS", StringComparison.Ordinal);
        // The token's issuer picks the key source before any key is used; an unconfigured issuer never causes a fetch.
        if (_issuers.Find(jwt.Issuer) is not { } issuer)
        {
            return Fail(BadIssuer);
        }

        var kid = string.IsNullOrEmpty(jwt.Kid) ? null : jwt.Kid;
        var keys = useSecret ? _secretKeys : await issuer.GetKeysAsync(kid, cancellationToken).ConfigureAwait(false);
        if (keys is null)
        {
            return Fail(NoKeys);
        }

        var parameters = keys.Parameters ??= CreateParameters(keys);
        Interlocked.Increment(ref _fullValidations);
        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Same: IdentityModel reports failures in the result, but nothing here may become a 500.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Fail(Invalid);
        }

        if (!result.IsValid)
        {
            return Fail(Map(result.Exception));
        }

        if (_requireIssuedAt)
        {
            if (!jwt.TryGetPayloadValue<object>("iat", out var iatValue) || iatValue is not (int or long or double or decimal))
            {
                return Fail(NoIssuedAt);
            }

            var now = _time.GetUtcNow();
            var issuedAt = jwt.IssuedAt;
            if (issuedAt > now.UtcDateTime + _tolerance
                || (_maxAge is { } maxAge && now.UtcDateTime - issuedAt > maxAge + _tolerance))
            {
                return Fail(BadIssuedAt);
            }
        }

        var validated = new ValidatedToken(
            GeneratedRegistrations.CreateToken(new AccessToken(jwt, Settings)),
            keys,
            kid,
            ValidFrom(jwt),
            ValidUntil(jwt),
            confirmation,
            thumbprint);
        Cache?.Add(validated);
        return new(validated, null);
    }

    /// <summary>From when a validated token may be reused: its <c>nbf</c> less the tolerance (no <c>nbf</c>: always).</summary>
    private DateTimeOffset ValidFrom(JsonWebToken jwt)
        => jwt.TryGetPayloadValue<object>("nbf", out _) ? Shift(jwt.ValidFrom, -_tolerance) : DateTimeOffset.MinValue;

    /// <summary>
    /// Until when a validated token may be reused: its <c>exp</c> plus the tolerance (as IdentityModel's lifetime check),
    /// and no later than <c>iat</c> + <see cref="Auth0ApiOptions.MaxTokenAge"/> + the tolerance.
    /// </summary>
    private DateTimeOffset ValidUntil(JsonWebToken jwt)
    {
        var until = Shift(jwt.ValidTo, _tolerance);
        if (_maxAge is { } maxAge)
        {
            var ageLimit = Shift(jwt.IssuedAt, maxAge + _tolerance);
            until = ageLimit < until ? ageLimit : until;
        }

        return until;
    }

    /// <summary><paramref name="utc"/> moved by <paramref name="by"/>, clamped to the representable range (no overflow on extreme claims).</summary>
    private static DateTimeOffset Shift(DateTime utc, TimeSpan by)
    {
        var ticks = utc.Ticks + by.Ticks;
        return new DateTimeOffset(Math.Clamp(ticks, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);
    }

    private static TokenValidationOutcome Fail(Auth0Failure failure) => new(null, failure);

    private TokenValidationParameters CreateParameters(SigningKeys keys) => new()
    {
        ValidateIssuer = true,
        IssuerValidator = ValidateIssuer,
        ValidateAudience = true,
        ValidAudiences = _audiences,
        IgnoreTrailingSlashWhenValidatingAudience = false,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = _tolerance,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = false,
        IssuerSigningKeys = keys.Keys,
        TryAllIssuerSigningKeys = true,
        ValidAlgorithms = _algorithms,
        TypeValidator = _strict ? ValidateStrictType : null,
        AuthenticationType = Auth0ApiDefaults.AuthenticationScheme,
        NameClaimType = "sub",
        RoleClaimType = _rolesClaim,
        SaveSigninToken = false,
    };

    private string ValidateIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters)
        => _issuers.Find(issuer) is not null
            ? issuer
            : throw new SecurityTokenInvalidIssuerException("The issuer is not the configured issuer.");

    private static string ValidateStrictType(string type, SecurityToken token, TokenValidationParameters parameters)
        => string.Equals(type, "at+jwt", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "application/at+jwt", StringComparison.OrdinalIgnoreCase)
            ? type
            : throw new SecurityTokenInvalidTypeException("The token type is not at+jwt.");

    private static Auth0Failure Map(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => BadIssuer,
        SecurityTokenInvalidAudienceException => BadAudience,
        SecurityTokenExpiredException => Expired,
        SecurityTokenNoExpirationException => NoExpiry,
        SecurityTokenNotYetValidException => NotYetValid,
        SecurityTokenInvalidLifetimeException => Expired,
        SecurityTokenInvalidAlgorithmException => BadAlgorithm,
        SecurityTokenInvalidTypeException => BadType,
        SecurityTokenInvalidSignatureException => BadSignature,
        SecurityTokenMalformedException => Malformed,
        _ => Invalid,
    };
}

/// <summary>The token handler, with its claims-identity builder reachable for tokens answered from the cache.</summary>
internal sealed class IdentityHandler : JsonWebTokenHandler
{
    public ClaimsIdentity CreateIdentity(JsonWebToken token, TokenValidationParameters parameters)
        => CreateClaimsIdentity(token, parameters, token.Issuer);
}
