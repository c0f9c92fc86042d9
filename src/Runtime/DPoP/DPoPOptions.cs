namespace Auth0.Generated.DPoP;

/// <summary>
/// DPoP (RFC 9449) settings of an API: <see cref="Auth0ApiOptions.DPoP"/>, bound from the <c>Auth0:DPoP</c>
/// configuration section. See docs/dpop.md.
/// </summary>
public sealed class DPoPOptions
{
    /// <summary>Which schemes the API accepts (default <see cref="DPoPMode.Allowed"/>).</summary>
    public DPoPMode Mode { get; set; } = DPoPMode.Allowed;

    /// <summary>
    /// The proof signature algorithms accepted, advertised in the <c>algs</c> challenge parameter (default ES256, ES384,
    /// ES512, PS256, PS384, PS512, RS256, RS384, RS512). Only asymmetric algorithms are allowed: <c>none</c> and HS* fail
    /// at startup. EdDSA is not supported (.NET has no Ed25519).
    /// </summary>
    public IList<string> Algorithms { get; } = new List<string>(DPoPProofValidator.SupportedAlgorithms);

    /// <summary>
    /// How old a proof's <c>iat</c> may be (default 300 seconds). A used proof is remembered until it could no longer be
    /// accepted: its <c>iat</c> (or the time it was used, if earlier) plus <see cref="IatOffset"/> plus <see cref="IatLeeway"/>.
    /// </summary>
    public TimeSpan IatOffset { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How far in the future a proof's <c>iat</c> may be, for clock skew (default 30 seconds).</summary>
    public TimeSpan IatLeeway { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many unexpired proofs the default in-memory replay store remembers (default 1,000,000, about 65 MB when full;
    /// at most 10,000,000). When it is full, new proofs are refused. Size it as DPoP requests per second per instance
    /// times (<see cref="IatOffset"/> + <see cref="IatLeeway"/>): the default holds about 3,000 per second. Not used
    /// when a shared store is registered (<c>AddAuth0DPoPRedisReplayStore</c>, <c>AddAuth0DPoPDistributedReplayStore</c>).
    /// </summary>
    public int ReplayCacheSize { get; set; } = InMemoryDPoPReplayStore.DefaultCapacity;

    /// <summary>
    /// The API's public base address as clients address it (for example <c>https://api.example.com/orders</c>), used
    /// for the <c>htu</c> check instead of the request's scheme, host and path base. Leave null when the forwarded-headers
    /// middleware (or no proxy at all) already gives the request the client's scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Whether proofs must carry a server nonce (RFC 9449 section 9, default false). A proof without a current nonce is
    /// answered 401 <c>use_dpop_nonce</c> with a fresh <c>DPoP-Nonce</c> header; DPoP responses carry the current nonce.
    /// </summary>
    public bool RequireNonce { get; set; }

    /// <summary>How long a server nonce stays valid (default 5 minutes; a nonce is accepted for up to twice this long).</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The secret nonces are derived from (at least 32 bytes). Instances behind one load balancer need the same secret
    /// so that a nonce issued by one is accepted by another; when null, each process uses a random secret.
    /// </summary>
    public byte[]? NonceSecret { get; set; }
}
