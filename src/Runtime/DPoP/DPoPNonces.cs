using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Auth0.Generated.DPoP;

/// <summary>
/// Server nonces (RFC 9449 section 9) without server state: a nonce is the time slot it was issued in plus an HMAC of
/// the slot, accepted during its slot and the next one. Instances that share <see cref="DPoPOptions.NonceSecret"/>
/// accept each other's nonces.
/// </summary>
internal sealed class DPoPNonces
{
    private const int MacLength = 16;
    private const int NonceBytes = 8 + MacLength;

    private readonly byte[] _secret;
    private readonly long _slotTicks;
    private readonly TimeProvider _time;

    public DPoPNonces(byte[]? secret, TimeSpan lifetime, TimeProvider time)
    {
        _secret = secret is { Length: > 0 } ? (byte[])secret.Clone() : RandomNumberGenerator.GetBytes(32);
        _slotTicks = Math.Max(lifetime.Ticks, TimeSpan.TicksPerSecond);
        _time = time;
    }

    /// <summary>The nonce of the current slot.</summary>
    public string Current() => Create(Slot());

    /// <summary>Whether <paramref name="nonce"/> was issued in this slot or the previous one, with our secret.</summary>
    public bool IsValid(string? nonce)
    {
        Span<byte> bytes = stackalloc byte[NonceBytes];
        if (nonce is null || nonce.Length != Base64Url.GetEncodedLength(NonceBytes)
            || !Base64Url.TryDecodeFromChars(nonce, bytes, out var written) || written != NonceBytes)
        {
            return false;
        }

        var slot = BinaryPrimitives.ReadInt64BigEndian(bytes);
        var current = Slot();
        if (slot != current && slot != current - 1)
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_secret, bytes[..8], mac);
        return CryptographicOperations.FixedTimeEquals(mac[..MacLength], bytes[8..]);
    }

    private long Slot() => _time.GetUtcNow().UtcTicks / _slotTicks;

    private string Create(long slot)
    {
        Span<byte> bytes = stackalloc byte[NonceBytes];
        BinaryPrimitives.WriteInt64BigEndian(bytes, slot);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_secret, bytes[..8], mac);
        mac[..MacLength].CopyTo(bytes[8..]);
        return Base64Url.EncodeToString(bytes);
    }
}
