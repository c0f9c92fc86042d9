using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Auth0.Generated.DPoP;

/// <summary>
/// An <see cref="IDPoPReplayStore"/> on Redis, shared by every instance of the API, with strict once-only semantics:
/// each proof is recorded with one atomic <c>SET key 1 NX PX ttl</c>, so of any number of copies of one proof sent at
/// once to any instances, exactly one is accepted. Register it with <c>services.AddAuth0DPoPRedisReplayStore(...)</c>.
/// </summary>
/// <remarks>
/// Fails closed: when Redis answers with an error, cannot be reached, or does not answer within
/// <see cref="RedisDPoPReplayStoreOptions.Timeout"/>, the proof is refused (401 <c>invalid_dpop_proof</c>). A failure
/// is logged as a warning at most once a minute (Debug in between), the return to service after it as information;
/// keys are never logged (they are hashes of a key thumbprint and a <c>jti</c> anyway). Redis must keep the keys until they expire: run it with
/// <c>maxmemory-policy noeviction</c> (writes then fail when memory is full, and proofs are refused), never with a
/// policy that evicts keys with a TTL (<c>volatile-*</c>, <c>allkeys-*</c>), which would forget used proofs early.
/// </remarks>
public sealed partial class RedisDPoPReplayStore : IDPoPReplayStore, IDisposable
{
    private static readonly RedisValue Marker = 1;
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromSeconds(1);

    private readonly Func<Task<IConnectionMultiplexer>> _connect;
    private readonly bool _ownsConnection;
    private readonly string _keyPrefix;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Task<IConnectionMultiplexer>? _connection;
    private int _failing;
    private long _warnedAt;
    private bool _disposed;

    /// <summary>
    /// A store connecting with <see cref="RedisDPoPReplayStoreOptions.ConnectionMultiplexerFactory"/> or, when it is
    /// null, with <see cref="RedisDPoPReplayStoreOptions.Configuration"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Neither is set, the configuration does not parse, or a setting is out of range.</exception>
    public RedisDPoPReplayStore(RedisDPoPReplayStoreOptions options)
        : this(options, null, TimeProvider.System, NullLogger.Instance)
    {
    }

    /// <param name="options">The settings.</param>
    /// <param name="registered">The application's connection, used when the options name none.</param>
    /// <param name="time">The clock of the timeout and of the keys' lifetimes.</param>
    /// <param name="logger">Where failures are reported.</param>
    internal RedisDPoPReplayStore(RedisDPoPReplayStoreOptions options, Func<IConnectionMultiplexer>? registered, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Validate(options, registered is not null) is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _keyPrefix = options.KeyPrefix;
        _timeout = options.Timeout;
        _time = time;
        _logger = logger;

        // On the thread pool, so that a factory or a registration that blocks while it connects holds neither the
        // request's thread nor the lock: the timeout bounds it like any command.
        if (options.ConnectionMultiplexerFactory is { } factory)
        {
            _connect = () => Task.Run(factory);
        }
        else if (!string.IsNullOrWhiteSpace(options.Configuration))
        {
            var parsed = ConfigurationOptions.Parse(options.Configuration);
            parsed.AbortOnConnectFail = false;
            _connect = () => Task.Run(async () => (IConnectionMultiplexer)await ConnectionMultiplexer.ConnectAsync(parsed).ConfigureAwait(false));
            _ownsConnection = true;
        }
        else
        {
            _connect = () => Task.Run(registered!);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryAddAsync(string key, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // A lifetime relative to this instance's clock (PX, not PXAT): the one that judged the proof's iat.
        var lifetime = expires - _time.GetUtcNow();
        if (lifetime < MinimumLifetime)
        {
            lifetime = MinimumLifetime;
        }

        bool added;
        try
        {
            added = await SetIfAbsentAsync(_keyPrefix + key, lifetime).WaitAsync(_timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // At most one warning a minute, however the failures and successes alternate; Debug in between.
            var now = _time.GetUtcNow().UtcTicks;
            var warnedAt = Interlocked.Read(ref _warnedAt);
            if ((warnedAt == 0 || now - warnedAt >= TimeSpan.TicksPerMinute) && Interlocked.CompareExchange(ref _warnedAt, now, warnedAt) == warnedAt)
            {
                Volatile.Write(ref _failing, 1);
                Unavailable(_logger, _timeout.TotalMilliseconds, exception);
            }
            else
            {
                StillUnavailable(_logger, exception);
            }

            throw;
        }

        if (Volatile.Read(ref _failing) == 1 && Interlocked.Exchange(ref _failing, 0) == 1)
        {
            Available(_logger);
        }

        return added;
    }

    /// <summary>Closes the connection when the store opened it (from <see cref="RedisDPoPReplayStoreOptions.Configuration"/>).</summary>
    public void Dispose()
    {
        Task<IConnectionMultiplexer>? connection;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connection = _connection;
        }

        if (_ownsConnection && connection is not null)
        {
            _ = connection.ContinueWith(static task => task.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Null when <paramref name="options"/> can make a store; otherwise what to fix.</summary>
    internal static string? Validate(RedisDPoPReplayStoreOptions options, bool registeredConnection)
    {
        if (options.ConnectionMultiplexerFactory is null && string.IsNullOrWhiteSpace(options.Configuration) && !registeredConnection)
        {
            return "The DPoP Redis replay store has no connection: set RedisDPoPReplayStoreOptions.Configuration (a StackExchange.Redis configuration string) or ConnectionMultiplexerFactory, or register an IConnectionMultiplexer.";
        }

        if (options.ConnectionMultiplexerFactory is null && !string.IsNullOrWhiteSpace(options.Configuration))
        {
            try
            {
                ConfigurationOptions.Parse(options.Configuration);
            }
            catch (ArgumentException exception)
            {
                // StackExchange.Redis names the keyword and, for a number or flag, the value: never a password.
                return "The DPoP Redis replay store's Configuration does not parse: " + exception.Message;
            }
        }

        if (options.KeyPrefix is null)
        {
            return "The DPoP Redis replay store's KeyPrefix must not be null (it may be empty).";
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > RedisDPoPReplayStoreOptions.MaxTimeout)
        {
            return $"The DPoP Redis replay store's Timeout must be more than 0 and at most {RedisDPoPReplayStoreOptions.MaxTimeout.TotalSeconds} seconds (it is {options.Timeout}).";
        }

        return null;
    }

    private async Task<bool> SetIfAbsentAsync(string key, TimeSpan lifetime)
    {
        var connection = await Connection().ConfigureAwait(false);

        // One command, atomic on the primary: of concurrent copies of a proof, exactly one sees true.
        return await connection.GetDatabase().StringSetAsync(key, Marker, lifetime, keepTtl: false, when: When.NotExists, flags: CommandFlags.DemandMaster).ConfigureAwait(false);
    }

    /// <summary>
    /// The connection; connects on first use, and again when connecting failed (one attempt at a time; requests that
    /// arrive meanwhile wait for it, each within its timeout).
    /// </summary>
    private Task<IConnectionMultiplexer> Connection()
    {
        var connection = Volatile.Read(ref _connection);
        if (connection is { IsCompletedSuccessfully: true })
        {
            return connection;
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null || _connection.IsFaulted || _connection.IsCanceled)
            {
                _connection = _connect();
            }

            return _connection;
        }
    }

    [LoggerMessage(EventId = 1, EventName = "DPoPRedisReplayStoreUnavailable", Level = LogLevel.Warning,
        Message = "The DPoP Redis replay store failed or did not answer within {TimeoutMilliseconds} ms: DPoP proofs are refused until it answers again.")]
    private static partial void Unavailable(ILogger logger, double timeoutMilliseconds, Exception exception);

    [LoggerMessage(EventId = 2, EventName = "DPoPRedisReplayStoreStillUnavailable", Level = LogLevel.Debug,
        Message = "The DPoP Redis replay store is still unavailable: proof refused.")]
    private static partial void StillUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3, EventName = "DPoPRedisReplayStoreAvailable", Level = LogLevel.Information,
        Message = "The DPoP Redis replay store answers again.")]
    private static partial void Available(ILogger logger);
}
