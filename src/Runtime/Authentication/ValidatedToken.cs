using System.IO;
using System.Security.Claims;
using Auth0.Generated.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Authentication;

/// <summary>
/// A token that passed full validation and everything requests share about it: the parsed token, the application's
/// token object (immutable: its readers never hand out mutable state), the key-set generation that verified it and the
/// instants between which it may be reused. Created once per validation, kept by <see cref="ValidatedTokenCache"/>.
/// </summary>
internal sealed class ValidatedToken(
    AccessToken token,
    SigningKeys keys,
    string? keyId,
    DateTimeOffset validFrom,
    DateTimeOffset validUntil,
    bool confirmation,
    string? confirmationThumbprint)
{
    /// <summary>The application's token object (the generated type when one is registered), shared by every request bearing this token.</summary>
    public AccessToken Token { get; } = token;

    /// <summary>The compact serialization: the cache key.</summary>
    public string EncodedToken => Token.Jwt.EncodedToken;

    /// <summary>The key-set generation the signature was verified against.</summary>
    public SigningKeys Keys { get; } = keys;

    /// <summary>The header's <c>kid</c>, or null: what to ask the key source for when checking the generation.</summary>
    public string? KeyId { get; } = keyId;

    /// <summary>From when the token may be reused (its <c>nbf</c> less the tolerance).</summary>
    public DateTimeOffset ValidFrom { get; } = validFrom;

    /// <summary>Until when the token may be reused (its <c>exp</c> plus the tolerance, capped by the maximum token age).</summary>
    public DateTimeOffset ValidUntil { get; } = validUntil;

    /// <summary>
    /// Whether the token carries a <c>cnf</c> claim (RFC 7800): it is bound to a key the client must prove possession of
    /// on <b>every</b> request (a DPoP proof, RFC 9449), cache hit or not. The handler checks this before success.
    /// </summary>
    public bool IsSenderConstrained { get; } = confirmation;

    /// <summary>The <c>cnf.jkt</c> JWK SHA-256 thumbprint (RFC 9449 section 6.1), or null.</summary>
    public string? ConfirmationThumbprint { get; } = confirmationThumbprint;

    /// <summary>Set by the cache when a lookup used this entry since the last eviction sweep.</summary>
    internal bool Referenced { get; set; }

    /// <summary>Set by the cache once the entry is no longer in it.</summary>
    internal bool Removed { get; set; }
}

/// <summary>
/// One request's identity: a case-sensitive claims identity (as IdentityModel's) that materializes its claims from the
/// shared token on first use. A request whose code never reads claims (typed access goes through the token object)
/// never pays for them, and what a request adds to its identity stays in that request. Every member that reads or
/// changes claims loads them first; loading happens once per identity and is safe under concurrent reads.
/// </summary>
internal sealed class LazyClaimsIdentity : CaseSensitiveClaimsIdentity
{
    private const int NotLoaded = 0;
    private const int Loading = 1;
    private const int Loaded = 2;

    private readonly JsonWebToken _token;
    private readonly Func<JsonWebToken, ClaimsIdentity> _factory;
    private int _state;
    private int _loadingThread;

    public LazyClaimsIdentity(JsonWebToken token, Func<JsonWebToken, ClaimsIdentity> factory, string authenticationType, string nameType, string roleType)
        : base(authenticationType, nameType, roleType)
    {
        _token = token;
        _factory = factory;
        SecurityToken = token;
    }

    public override IEnumerable<Claim> Claims
    {
        get
        {
            Load();
            return base.Claims;
        }
    }

    public override void AddClaim(Claim claim)
    {
        Load();
        base.AddClaim(claim);
    }

    public override void AddClaims(IEnumerable<Claim?> claims)
    {
        Load();
        base.AddClaims(claims);
    }

    public override bool TryRemoveClaim(Claim? claim)
    {
        Load();
        return base.TryRemoveClaim(claim);
    }

    public override void RemoveClaim(Claim? claim)
    {
        Load();
        base.RemoveClaim(claim);
    }

    public override IEnumerable<Claim> FindAll(string type)
    {
        Load();
        return base.FindAll(type);
    }

    public override IEnumerable<Claim> FindAll(Predicate<Claim> match)
    {
        Load();
        return base.FindAll(match);
    }

    public override Claim? FindFirst(string type)
    {
        Load();
        return base.FindFirst(type);
    }

    public override Claim? FindFirst(Predicate<Claim> match)
    {
        Load();
        return base.FindFirst(match);
    }

    public override bool HasClaim(string type, string value)
    {
        Load();
        return base.HasClaim(type, value);
    }

    public override bool HasClaim(Predicate<Claim> match)
    {
        Load();
        return base.HasClaim(match);
    }

    public override ClaimsIdentity Clone()
    {
        Load();
        return base.Clone();
    }

    public override void WriteTo(BinaryWriter writer)
    {
        Load();
        base.WriteTo(writer);
    }

    private void Load()
    {
        if (Volatile.Read(ref _state) == Loaded)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _state, Loading, NotLoaded) == NotLoaded)
        {
            _loadingThread = Environment.CurrentManagedThreadId;
            try
            {
                base.AddClaims(_factory(_token).Claims);
            }
            finally
            {
                Volatile.Write(ref _state, Loaded);
            }

            return;
        }

        var wait = default(SpinWait);
        while (Volatile.Read(ref _state) != Loaded && Volatile.Read(ref _loadingThread) != Environment.CurrentManagedThreadId)
        {
            wait.SpinOnce();
        }
    }
}
