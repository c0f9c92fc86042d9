using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Auth0.Generated.Authentication;

/// <summary>
/// Remembers tokens that passed full validation, with what validating them produced (<see cref="ValidatedToken"/>), so
/// a token seen again costs one lookup: no parse, no signature check, no identity built. Safe by construction:
/// <list type="bullet">
/// <item>bounded: at most <c>capacity</c> entries (an approximate least-recently-used policy, CLOCK: an entry used since
/// the last sweep gets a second chance); only tokens that passed validation are ever added, so a request can never
/// add an entry or lengthen a lookup with a token of its own making;</item>
/// <item>keyed by the whole token text, compared in constant time (<see cref="TokenComparer"/>): a hit means the very
/// bytes that were validated, so no crafted token can collide with a cached one, and a lookup leaks nothing about
/// cached tokens through its timing; the bucket hash reads the end of the signature, so it costs the same for any length;</item>
/// <item>an entry is used only between the token's <c>nbf</c> and <c>exp</c> (both widened by the clock tolerance, and
/// <c>exp</c> capped by <c>iat</c> + <c>MaxTokenAge</c>), and only while its key-set generation is the current one
/// (checked by the caller, <see cref="Auth0TokenValidator"/>);</item>
/// <item>what it shares between requests is immutable: the parsed token and the application's token object; every
/// request gets its own principal and identity (<see cref="Auth0TokenValidator.CreateIdentity"/>).</item>
/// </list>
/// Lookups take no lock (a <see cref="ConcurrentDictionary{TKey, TValue}"/> read through a span, no allocation); adds
/// and evictions take one short lock.
/// </summary>
internal sealed class ValidatedTokenCache
{
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, ValidatedToken> _entries;
    private readonly ConcurrentDictionary<string, ValidatedToken>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Queue<ValidatedToken> _clock = new();
    private long _hits;

    public ValidatedTokenCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _entries = new ConcurrentDictionary<string, ValidatedToken>(concurrencyLevel: -1, capacity: Math.Min(capacity, 1024), TokenComparer.Instance);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The most entries held.</summary>
    public int Capacity => _capacity;

    /// <summary>The entries held now.</summary>
    public int Count => _entries.Count;

    /// <summary>How many lookups found an entry that the caller then used (diagnostics and tests).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>
    /// The entry for exactly <paramref name="token"/> when it is within its lifetime at <paramref name="now"/>; an entry
    /// out of its lifetime is removed. The caller still checks the key-set generation (<see cref="ValidatedToken.Keys"/>)
    /// and reports a use with <see cref="RecordHit"/>.
    /// </summary>
    public ValidatedToken? Find(ReadOnlySpan<char> token, DateTimeOffset now)
    {
        if (!_lookup.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (now < entry.ValidFrom || now > entry.ValidUntil)
        {
            Remove(entry);
            return null;
        }

        return entry;
    }

    /// <summary>Marks <paramref name="entry"/> as used (it survives the next sweep) and counts the hit.</summary>
    public void RecordHit(ValidatedToken entry)
    {
        if (!entry.Referenced)
        {
            entry.Referenced = true;
        }

        Interlocked.Increment(ref _hits);
    }

    /// <summary>Forgets <paramref name="entry"/> (another key-set generation, or out of its lifetime).</summary>
    public void Remove(ValidatedToken entry)
    {
        if (_entries.TryRemove(new KeyValuePair<string, ValidatedToken>(entry.EncodedToken, entry)))
        {
            entry.Removed = true;
        }
    }

    /// <summary>Records a token that passed full validation; evicts beyond the capacity.</summary>
    public void Add(ValidatedToken entry)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(entry.EncodedToken, out var existing))
            {
                existing.Removed = true;
            }

            _entries[entry.EncodedToken] = entry;
            _clock.Enqueue(entry);
            while (_clock.Count > _capacity && _clock.TryDequeue(out var oldest))
            {
                if (oldest.Removed)
                {
                    continue;
                }

                if (oldest.Referenced)
                {
                    oldest.Referenced = false;
                    _clock.Enqueue(oldest);
                    continue;
                }

                Remove(oldest);
            }
        }
    }
}

/// <summary>
/// Token text equality in constant time for equal lengths (no early exit on the first differing character), with a bucket
/// hash of the last 32 characters (the end of the signature: uniformly distributed for tokens an issuer signed, and
/// only such tokens are ever stored) under the process's randomized string hashing.
/// </summary>
internal sealed class TokenComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    private const int HashedTail = 32;

    public static TokenComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => x is not null && y is not null && FixedTimeEquals(x, y);

    public int GetHashCode(string obj) => Hash(obj);

    public bool Equals(ReadOnlySpan<char> alternate, string other) => FixedTimeEquals(alternate, other);

    public int GetHashCode(ReadOnlySpan<char> alternate) => Hash(alternate);

    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();

    private static int Hash(ReadOnlySpan<char> token)
        => string.GetHashCode(token.Length > HashedTail ? token[^HashedTail..] : token);

    /// <summary>Compares every character whatever the first difference is (lengths are not secret: they differ in the clear).</summary>
    internal static bool FixedTimeEquals(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        var a = MemoryMarshal.AsBytes(left);
        var b = MemoryMarshal.AsBytes(right);
        var words = a.Length / sizeof(ulong);
        var wa = MemoryMarshal.Cast<byte, ulong>(a[..(words * sizeof(ulong))]);
        var wb = MemoryMarshal.Cast<byte, ulong>(b[..(words * sizeof(ulong))]);
        ulong difference = 0;
        for (var i = 0; i < wa.Length; i++)
        {
            difference |= wa[i] ^ wb[i];
        }

        for (var i = words * sizeof(ulong); i < a.Length; i++)
        {
            difference |= (uint)(a[i] ^ b[i]);
        }

        return difference == 0;
    }
}
