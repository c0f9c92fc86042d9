using StackExchange.Redis;

namespace Auth0.Generated.DPoP;

/// <summary>
/// Settings of <see cref="RedisDPoPReplayStore"/>, shaped like <c>RedisCacheOptions</c> of
/// Microsoft.Extensions.Caching.StackExchangeRedis. The connection is, in this order: <see cref="ConnectionMultiplexerFactory"/>,
/// a connection of its own from <see cref="Configuration"/>, or else the <see cref="IConnectionMultiplexer"/> registered
/// in the service provider (one connection shared with the application's other Redis users).
/// </summary>
public sealed class RedisDPoPReplayStoreOptions
{
    /// <summary>The default <see cref="KeyPrefix"/>.</summary>
    public const string DefaultKeyPrefix = "auth0-generated:dpop-jti:";

    /// <summary>The largest <see cref="Timeout"/> accepted.</summary>
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>"redis.internal:6379,password=...,ssl=true"</c>). The store opens its
    /// own connection with it (with <c>abortConnect=false</c>, so an unreachable Redis at startup is retried rather than
    /// fatal) and closes it when the application stops.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Gets the connection to use, for an application that already has one (the same delegate as
    /// <c>RedisCacheOptions.ConnectionMultiplexerFactory</c>). Called on first use, and again after it failed; the
    /// store never disposes a connection it did not open.
    /// </summary>
    public Func<Task<IConnectionMultiplexer>>? ConnectionMultiplexerFactory { get; set; }

    /// <summary>The prefix of every key the store writes (default <see cref="DefaultKeyPrefix"/>), as <c>InstanceName</c>.</summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>
    /// The longest a request waits for Redis, connecting included (default 1 second, at most 30). When it passes, or
    /// Redis answers with an error, the proof is refused: 401 <c>invalid_dpop_proof</c>, never accepted unchecked.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);
}
