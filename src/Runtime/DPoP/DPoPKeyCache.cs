using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Auth0.Generated.DPoP;

/// <summary>
/// The public keys of recent proofs, imported once (issue 9): a client that signs every proof with the same key pays
/// the key import (OpenSSL checks the EC point or the RSA modulus on import) and the RFC 7638 thumbprint once, not per
/// request. It changes no answer, by construction:
/// <list type="bullet">
/// <item>keyed by the exact text of the key's required members (<see cref="DPoPProofKey.EcId"/>,
/// <see cref="DPoPProofKey.RsaId"/>, length-prefixed so no two member sets share an id): a hit means the very member
/// text that was decoded, size-checked, imported and thumbprinted before, so the thumbprint is the one the proof's
/// <c>jwk</c> has; the signature is still verified on every proof, and every other check still runs;</item>
/// <item>bounded: at most <c>capacity</c> keys (CLOCK: a key used since the last sweep gets a second chance), and a
/// key is only added once a whole proof signed by it was accepted for a token bound to it (<c>cnf.jkt</c>): keys in
/// proofs that fail (a fresh key per request with someone else's token, garbage, a bad signature) are never stored,
/// so an attacker cannot grow or churn the cache without tokens the issuer bound to each of their keys, and even then
/// a miss costs what every proof cost before the cache (import, thumbprint) plus one short lock;</item>
/// <item>no instance is ever used by two threads at once: each key keeps a few imported instances that a verification
/// rents and returns (<see cref="DPoPProofKey.Verify"/>). .NET documents instance members of <see cref="ECDsa"/> and
/// <see cref="RSA"/> as not guaranteed thread-safe; see docs/dpop.md (Cost) for what that means on Linux and Windows.</item>
/// </list>
/// Lookups take no lock; adds and evictions take one short lock. An evicted key's idle instances are disposed; one a
/// verification holds at that moment is disposed when it is returned.
/// </summary>
internal sealed class DPoPKeyCache
{
    /// <summary>The default capacity (an entry is the key's member text, its thumbprint and up to a few imported instances).</summary>
    public const int DefaultCapacity = 1024;

    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, DPoPProofKey> _entries;
    private readonly Queue<DPoPProofKey> _clock = new();
    private long _hits;

    public DPoPKeyCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _entries = new ConcurrentDictionary<string, DPoPProofKey>(concurrencyLevel: -1, capacity: Math.Min(capacity, 1024), StringComparer.Ordinal);
    }

    /// <summary>The most keys held.</summary>
    public int Capacity => _capacity;

    /// <summary>The keys held now.</summary>
    public int Count => _entries.Count;

    /// <summary>How many lookups found a key (diagnostics and tests).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The key whose members have exactly the text of <paramref name="id"/>, or null.</summary>
    public DPoPProofKey? Find(string id)
    {
        if (!_entries.TryGetValue(id, out var key))
        {
            return null;
        }

        if (!key.Referenced)
        {
            key.Referenced = true;
        }

        Interlocked.Increment(ref _hits);
        return key;
    }

    /// <summary>
    /// Keeps <paramref name="key"/>, which just verified a proof that was accepted in full; evicts beyond the capacity.
    /// When another request added the same key first, this one is retired instead.
    /// </summary>
    public void Add(DPoPProofKey key)
    {
        lock (_lock)
        {
            if (!_entries.TryAdd(key.Id, key))
            {
                key.Retire();
                return;
            }

            _clock.Enqueue(key);
            while (_clock.Count > _capacity && _clock.TryDequeue(out var oldest))
            {
                if (oldest.Referenced)
                {
                    oldest.Referenced = false;
                    _clock.Enqueue(oldest);
                    continue;
                }

                _entries.TryRemove(new KeyValuePair<string, DPoPProofKey>(oldest.Id, oldest));
                oldest.Retire();
            }
        }
    }
}

/// <summary>
/// One proof key: its id (the exact text of its required members), its RFC 7638 thumbprint and a small pool of imported
/// instances, each used by one verification at a time.
/// </summary>
internal sealed class DPoPProofKey
{
    /// <summary>Idle instances kept per key: enough for the verifications of one key running at once on this machine.</summary>
    private static readonly int PoolSize = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Creates a new instance of the key (ECDsa or RSA).</summary>
    private readonly Func<AsymmetricAlgorithm> _import;
    private readonly AsymmetricAlgorithm?[] _pool = new AsymmetricAlgorithm?[PoolSize];
    private int _retired;

    private DPoPProofKey(string id, string thumbprint, Func<AsymmetricAlgorithm> import)
    {
        Id = id;
        Thumbprint = thumbprint;
        _import = import;
    }

    /// <summary>The cache key: the exact text of the key's required members.</summary>
    public string Id { get; }

    /// <summary>The RFC 7638 SHA-256 thumbprint, base64url.</summary>
    public string Thumbprint { get; }

    /// <summary>Set by the cache when a lookup used this key since the last eviction sweep.</summary>
    internal bool Referenced { get; set; }

    /// <summary>The id of an EC key: the curve is one of three names (checked before), the length prefix splits <c>x</c> from <c>y</c>.</summary>
    public static string EcId(string crv, string x, string y)
        => string.Concat("EC ", crv, " ", x.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), " ", x, y);

    /// <summary>The id of an RSA key: the length prefix splits <c>e</c> from <c>n</c>.</summary>
    public static string RsaId(string e, string n)
        => string.Concat("RSA ", e.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), " ", e, n);

    /// <summary>An EC key (the point is checked on import: an invalid one throws <see cref="CryptographicException"/>).</summary>
    public static DPoPProofKey ForEc(string id, string thumbprint, ECParameters parameters)
        => Imported(new DPoPProofKey(id, thumbprint, () => ECDsa.Create(parameters)));

    /// <summary>An RSA key.</summary>
    public static DPoPProofKey ForRsa(string id, string thumbprint, RSAParameters parameters)
        => Imported(new DPoPProofKey(id, thumbprint, () => RSA.Create(parameters)));

    /// <summary>Imports the first instance now, so an unusable key fails where it always did (before the signature).</summary>
    private static DPoPProofKey Imported(DPoPProofKey key)
    {
        key.Return(key.Import());
        return key;
    }

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="data"/> with an instance no other thread uses meanwhile.</summary>
    public bool Verify(byte[] data, byte[] signature, HashAlgorithmName hash, RSASignaturePadding? padding)
    {
        var instance = Rent() ?? Import();
        try
        {
            return instance is ECDsa ec
                ? ec.VerifyData(data, signature, hash)
                : ((RSA)instance).VerifyData(data, signature, hash, padding!);
        }
        finally
        {
            Return(instance);
        }
    }

    /// <summary>Disposes the idle instances; one in use is disposed when it is returned. Idempotent.</summary>
    public void Retire()
    {
        Interlocked.Exchange(ref _retired, 1);
        Drain();
    }

    private AsymmetricAlgorithm Import() => _import();

    private AsymmetricAlgorithm? Rent()
    {
        for (var i = 0; i < _pool.Length; i++)
        {
            if (Interlocked.Exchange(ref _pool[i], null) is { } instance)
            {
                return instance;
            }
        }

        return null;
    }

    private void Return(AsymmetricAlgorithm instance)
    {
        if (Volatile.Read(ref _retired) == 0)
        {
            for (var i = 0; i < _pool.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _pool[i], instance, null) is null)
                {
                    // Retire may have drained the pool between the check above and this store: drain again (each
                    // instance is taken by exactly one Interlocked.Exchange, so none is disposed twice).
                    if (Volatile.Read(ref _retired) != 0)
                    {
                        Drain();
                    }

                    return;
                }
            }
        }

        instance.Dispose();
    }

    private void Drain()
    {
        for (var i = 0; i < _pool.Length; i++)
        {
            Interlocked.Exchange(ref _pool[i], null)?.Dispose();
        }
    }
}
