using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Auth0.Generated.TokenExchange;

/// <summary>Who a Token Vault token belongs to and what it is for.</summary>
internal readonly record struct ConnectionTokenKey(string Issuer, string Subject, string Connection, string LoginHint);

/// <summary>
/// A bounded cache of Token Vault tokens. Each entry carries the instant after which it is never used (its expiry less
/// the margin, and no later than the caller's token). When full, expired entries go first, then the entry that expires
/// soonest (of those, the oldest), so the cache never holds more than its size.
/// </summary>
internal sealed class ConnectionTokenCache
{
    private readonly ConcurrentDictionary<ConnectionTokenKey, Entry> _entries = new();
    private readonly object _evictLock = new();
    private long _sequence;

    public ConnectionTokenCache(int size) => Size = size;

    public int Size { get; }

    public int Count => _entries.Count;

    public bool TryGet(ConnectionTokenKey key, DateTimeOffset now, [NotNullWhen(true)] out ConnectionTokenResult? result)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (now < entry.Until)
            {
                result = entry.Result;
                return true;
            }

            _entries.TryRemove(new KeyValuePair<ConnectionTokenKey, Entry>(key, entry));
        }

        result = null;
        return false;
    }

    public void Add(ConnectionTokenKey key, ConnectionTokenResult result, DateTimeOffset until, DateTimeOffset now)
    {
        lock (_evictLock)
        {
            if (!_entries.ContainsKey(key) && _entries.Count >= Size)
            {
                Evict(now);
            }

            _entries[key] = new Entry(result, until, ++_sequence);
        }
    }

    /// <summary>Drops expired entries; if none was, the one expiring soonest (ties: the one added first).</summary>
    private void Evict(DateTimeOffset now)
    {
        var removed = false;
        Candidate? soonest = null;
        foreach (var pair in _entries)
        {
            if (pair.Value.Until <= now)
            {
                removed |= _entries.TryRemove(pair);
            }
            else if (soonest is not { Entry: var best }
                || pair.Value.Until < best.Until
                || (pair.Value.Until == best.Until && pair.Value.Sequence < best.Sequence))
            {
                soonest = new Candidate(pair.Key, pair.Value);
            }
        }

        if (!removed && soonest is { } victim)
        {
            _entries.TryRemove(new KeyValuePair<ConnectionTokenKey, Entry>(victim.Key, victim.Entry));
        }
    }

    private readonly record struct Candidate(ConnectionTokenKey Key, Entry Entry);

    private sealed record Entry(ConnectionTokenResult Result, DateTimeOffset Until, long Sequence);
}
