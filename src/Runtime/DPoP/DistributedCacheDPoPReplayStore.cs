using Microsoft.Extensions.Caching.Distributed;

namespace Auth0.Generated.DPoP;

/// <summary>
/// An <see cref="IDPoPReplayStore"/> on <see cref="IDistributedCache"/> (Redis, SQL Server, ...), shared by every
/// instance of the API: a proof used on one instance is refused on all of them. Register it with
/// <c>services.AddAuth0DPoPDistributedReplayStore()</c> after registering the cache.
/// </summary>
/// <remarks>
/// <see cref="IDistributedCache"/> has no atomic add-if-absent, so this store reads, then writes: every copy of a proof
/// that reads before the first write lands passes (one instance or several; under load, many copies, see
/// docs/dpop.md). Replays after that are refused. On Redis use
/// <c>RedisDPoPReplayStore</c> of Auth0.Generated.StackExchangeRedis (one atomic <c>SET NX PX</c>); on another backend implement
/// <see cref="IDPoPReplayStore"/> on its atomic primitive for strict once-only semantics.
/// </remarks>
public sealed class DistributedCacheDPoPReplayStore : IDPoPReplayStore
{
    /// <summary>The prefix of every key this store writes.</summary>
    public const string KeyPrefix = "auth0-generated:dpop-jti:";

    private static readonly byte[] Marker = [1];
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromSeconds(1);
    private readonly IDistributedCache _cache;

    /// <summary>A store on <paramref name="cache"/>.</summary>
    public DistributedCacheDPoPReplayStore(IDistributedCache cache)
        => _cache = cache ?? throw new ArgumentNullException(nameof(cache));

    /// <inheritdoc />
    public async ValueTask<bool> TryAddAsync(string key, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cacheKey = KeyPrefix + key;
        if (await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        // Relative to now, at least a second: the read may have taken a while, and the entry must outlive it.
        var lifetime = expires - DateTimeOffset.UtcNow;
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime > MinimumLifetime ? lifetime : MinimumLifetime };
        await _cache.SetAsync(cacheKey, Marker, options, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
