namespace Auth0.Generated.DPoP;

/// <summary>
/// The default <see cref="IDPoPReplayStore"/>: bounded, in memory, for one instance. Entries leave when they expire;
/// when <see cref="Capacity"/> unexpired entries are held, new proofs are refused (fail closed) rather than forgetting a
/// proof that could then be replayed. Thread-safe.
/// </summary>
internal sealed class InMemoryDPoPReplayStore : IDPoPReplayStore
{
    /// <summary>The default capacity (an entry is about 150 bytes).</summary>
    public const int DefaultCapacity = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _entries = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _expiry = new();
    private readonly TimeProvider _time;

    public InMemoryDPoPReplayStore(TimeProvider time, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _time = time;
        Capacity = capacity;
    }

    /// <summary>The most unexpired proofs remembered.</summary>
    public int Capacity { get; }

    /// <summary>The entries held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public ValueTask<bool> TryAddAsync(string key, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            while (_expiry.TryPeek(out var oldest, out var at) && at <= now)
            {
                _expiry.Dequeue();
                if (_entries.TryGetValue(oldest, out var recorded) && recorded <= now)
                {
                    _entries.Remove(oldest);
                }
            }

            if (_entries.TryGetValue(key, out var existing) && existing > now)
            {
                return new(false);
            }

            if (_entries.Count >= Capacity)
            {
                throw new InvalidOperationException("The DPoP replay store is full.");
            }

            _entries[key] = expires;
            _expiry.Enqueue(key, expires);
            return new(true);
        }
    }
}
