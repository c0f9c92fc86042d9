namespace Auth0.Generated.DPoP;

/// <summary>
/// Remembers the DPoP proofs already used, so a replayed proof is refused (RFC 9449 section 11.1). The default store is
/// in memory (one instance); several instances behind a load balancer need a shared store, for example
/// <see cref="DistributedCacheDPoPReplayStore"/> on Redis. Implement it on an atomic primitive (Redis <c>SET NX</c>, a
/// unique index) for strict once-only semantics under concurrent replays.
/// </summary>
public interface IDPoPReplayStore
{
    /// <summary>
    /// Records <paramref name="key"/> until <paramref name="expires"/>. Returns <c>true</c> when the key was not
    /// recorded yet (the proof is new), <c>false</c> when it was (a replay). The key is a fixed-length hash of the proof
    /// key's thumbprint and the proof's <c>jti</c>, never secret material. May throw: the request is then refused.
    /// </summary>
    ValueTask<bool> TryAddAsync(string key, DateTimeOffset expires, CancellationToken cancellationToken);
}
