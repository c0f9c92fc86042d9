namespace Auth0.Generated.DPoP;

/// <summary>
/// Remembers the DPoP proofs already used, so a replayed proof is refused (RFC 9449 section 11.1). The default store is
/// in memory (one instance, <see cref="DPoPOptions.ReplayCacheSize"/>); several instances behind a load balancer need a
/// shared store: <c>RedisDPoPReplayStore</c> (strict; package Auth0.Generated.StackExchangeRedis), or <see cref="DistributedCacheDPoPReplayStore"/> on any
/// <c>IDistributedCache</c> (not strict under concurrency). Implement it on an atomic primitive (an insert under a
/// unique index, a conditional put) for strict once-only semantics on another backend.
/// </summary>
public interface IDPoPReplayStore
{
    /// <summary>
    /// Records <paramref name="key"/> until <paramref name="expires"/>. Returns <c>true</c> when the key was not
    /// recorded yet (the proof is new), <c>false</c> when it was (a replay). The key is a fixed-length hash of the proof
    /// key's thumbprint and the proof's <c>jti</c>, never secret material. <paramref name="expires"/> is when the proof
    /// can no longer pass the <c>iat</c> check on any instance. Throw when the answer is unknown (unreachable, full,
    /// too slow): the request is then refused, never accepted unchecked.
    /// </summary>
    ValueTask<bool> TryAddAsync(string key, DateTimeOffset expires, CancellationToken cancellationToken);
}
