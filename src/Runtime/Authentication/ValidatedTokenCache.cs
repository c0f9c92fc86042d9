using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Auth0.Generated.Keys;

namespace Auth0.Generated.Authentication;

/// <summary>
/// Remembers which tokens passed full validation, so a token seen again skips the signature check. Safe by construction:
/// <list type="bullet">
/// <item>bounded: at most <c>capacity</c> entries (least recently used evicted), each a 32-byte hash, two instants and a
/// reference to the key set; only tokens that passed validation are ever added;</item>
/// <item>keyed by the SHA-256 of the token, so lookups compare hashes, never the token (no timing leak of cached tokens),
/// and the token itself is not kept;</item>
/// <item>an entry is used only between the token's <c>nbf</c> and <c>exp</c> (both widened by the clock tolerance, and
/// <c>exp</c> capped by <c>iat</c> + <c>MaxTokenAge</c>);</item>
/// <item>an entry is tied to the <see cref="SigningKeys"/> instance (the key-set generation) that verified it: once the
/// keys are fetched again the entry no longer matches, the token is validated in full against the new keys, so a key
/// removed from the JWKS refuses its tokens at the refresh exactly as without the cache;</item>
/// <item>it holds no <see cref="System.Security.Claims.ClaimsIdentity"/>, principal or parsed token: every request builds
/// its own.</item>
/// </list>
/// Thread-safe (one short lock per lookup).
/// </summary>
internal sealed class ValidatedTokenCache
{
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<TokenHash, LinkedListNode<Entry>> _entries;
    private readonly LinkedList<Entry> _recency = new();
    private long _hits;

    public ValidatedTokenCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _entries = new Dictionary<TokenHash, LinkedListNode<Entry>>(Math.Min(capacity, 1024));
    }

    /// <summary>The most entries held.</summary>
    public int Capacity => _capacity;

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

    /// <summary>How many lookups found a usable entry (diagnostics and tests).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The SHA-256 of the token's UTF-8 bytes.</summary>
    public static TokenHash Hash(string token)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(token.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(token, rented);
            TokenHash hash = default;
            SHA256.HashData(rented.AsSpan(0, length), MemoryMarshal.AsBytes(new Span<TokenHash>(ref hash)));
            return hash;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Whether the token was validated against <paramref name="keys"/> (the same key-set generation) and is within its
    /// lifetime at <paramref name="now"/>. An entry of another generation or out of its lifetime is removed.
    /// </summary>
    public bool TryHit(in TokenHash hash, SigningKeys keys, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(hash, out var node))
            {
                return false;
            }

            var entry = node.Value;
            if (!ReferenceEquals(entry.Keys, keys) || now < entry.ValidFrom || now > entry.ValidUntil)
            {
                _entries.Remove(hash);
                _recency.Remove(node);
                return false;
            }

            if (node != _recency.First)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
            }
        }

        Interlocked.Increment(ref _hits);
        return true;
    }

    /// <summary>Records a token that passed full validation against <paramref name="keys"/>; evicts the least recently used beyond the capacity.</summary>
    public void Add(in TokenHash hash, SigningKeys keys, DateTimeOffset validFrom, DateTimeOffset validUntil)
    {
        var entry = new Entry(hash, keys, validFrom, validUntil);
        lock (_lock)
        {
            if (_entries.TryGetValue(hash, out var existing))
            {
                existing.Value = entry;
                _recency.Remove(existing);
                _recency.AddFirst(existing);
                return;
            }

            _entries.Add(hash, _recency.AddFirst(entry));
            while (_entries.Count > _capacity && _recency.Last is { } oldest)
            {
                _entries.Remove(oldest.Value.Hash);
                _recency.RemoveLast();
            }
        }
    }

    private sealed record Entry(TokenHash Hash, SigningKeys Keys, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);
}

/// <summary>A SHA-256 digest as four machine words (cheap equality and hashing; uniformly distributed).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
{
    public override int GetHashCode() => (int)A ^ (int)(A >> 32);
}
