using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth0.Generated.DPoP;

/// <summary>
/// The default <see cref="IDPoPReplayStore"/>: bounded, in memory, for one instance. Entries leave when they expire;
/// when <see cref="Capacity"/> unexpired entries are held, new proofs are refused (fail closed) rather than forgetting a
/// proof that could then be replayed. Thread-safe.
/// </summary>
/// <remarks>
/// An entry is a 128-bit value (the first half of the SHA-256 the validator sends as key, decoded; any other key text
/// is hashed), not the key's text: about 65 bytes retained each with the expiry queue, where the store keyed by the
/// 43-character string retained 189 (measured filling 1,000,000, see docs/dpop.md). Two different proofs sharing
/// 128 bits would make the second one refused as a replay: never accepted twice, only (with odds of 2^-128 per pair)
/// refused once too often.
/// </remarks>
internal sealed partial class InMemoryDPoPReplayStore : IDPoPReplayStore
{
    /// <summary>The default capacity: <see cref="DPoPOptions.ReplayCacheSize"/>.</summary>
    public const int DefaultCapacity = 1_000_000;

    /// <summary>The largest capacity accepted (about 650 MB of entries when full); beyond it, use a shared store.</summary>
    public const int MaxCapacity = 10_000_000;

    private readonly Lock _lock = new();
    private readonly HashSet<Entry> _entries = [];
    private readonly PriorityQueue<Entry, long> _expiry = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _warnedAt;

    public InMemoryDPoPReplayStore(TimeProvider time, int capacity = DefaultCapacity, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        _time = time;
        _logger = logger ?? NullLogger.Instance;
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
        ArgumentNullException.ThrowIfNull(key);
        var entry = Entry.From(key);
        var now = _time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            // Every key has exactly one node in the queue (a key is added again only after its node left), so what
            // the queue says expired is removed from the set, and whatever the set holds has not expired.
            while (_expiry.TryPeek(out var oldest, out var at) && at <= now)
            {
                _expiry.Dequeue();
                _entries.Remove(oldest);
            }

            if (_entries.Count >= Capacity)
            {
                if (_entries.Contains(entry))
                {
                    return new(false);
                }

                // At most one warning a minute: a store that stays full frees a slot whenever an entry expires.
                if (_warnedAt == 0 || now - _warnedAt >= TimeSpan.TicksPerMinute)
                {
                    _warnedAt = now;
                    StoreFull(_logger, Capacity);
                }

                throw new InvalidOperationException("The DPoP replay store is full.");
            }

            if (!_entries.Add(entry))
            {
                return new(false);
            }

            _expiry.Enqueue(entry, expires.UtcTicks);
            return new(true);
        }
    }

    [LoggerMessage(EventId = 1, EventName = "DPoPReplayStoreFull", Level = LogLevel.Warning,
        Message = "The in-memory DPoP replay store holds {Capacity} unexpired proofs: new proofs are refused until some expire. Raise Auth0:DPoP:ReplayCacheSize (proofs per second x (IatOffset + IatLeeway)) or use a shared store.")]
    private static partial void StoreFull(ILogger logger, int capacity);

    /// <summary>128 bits of the key: a value in the set and the queue, no string kept.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly struct Entry : IEquatable<Entry>
    {
        private readonly ulong _high;
        private readonly ulong _low;

        private Entry(ulong high, ulong low)
        {
            _high = high;
            _low = low;
        }

        /// <summary>
        /// The validator's key is the base64url SHA-256 (43 characters): its first 16 bytes. Any other text (a custom
        /// caller's key) is hashed first, so distinct keys stay distinct with the same odds.
        /// </summary>
        public static Entry From(string key)
        {
            Span<byte> bytes = stackalloc byte[32];
            // DecodeFromChars reports invalid text; TryDecodeFromChars would throw on it.
            if (key.Length != 43 || Base64Url.DecodeFromChars(key, bytes, out _, out var written) != OperationStatus.Done || written != 32)
            {
                SHA256.HashData(MemoryMarshal.AsBytes(key.AsSpan()), bytes);
            }

            return new(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]));
        }

        public bool Equals(Entry other) => _high == other._high && _low == other._low;

        public override bool Equals(object? obj) => obj is Entry other && Equals(other);

        // HashCode is seeded per process: nobody can aim many keys at one bucket.
        public override int GetHashCode() => HashCode.Combine(_high, _low);
    }
}
