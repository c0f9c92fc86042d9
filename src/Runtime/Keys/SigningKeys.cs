using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Keys;

/// <summary>An immutable set of signing keys as fetched at one time. Replaced, never mutated.</summary>
internal sealed class SigningKeys
{
    private readonly HashSet<string> _kids;

    public SigningKeys(IReadOnlyList<SecurityKey> keys, DateTimeOffset fetchedAt)
    {
        Keys = keys;
        FetchedAt = fetchedAt;
        _kids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!string.IsNullOrEmpty(key.KeyId))
            {
                _kids.Add(key.KeyId);
            }
        }
    }

    public IReadOnlyList<SecurityKey> Keys { get; }

    public DateTimeOffset FetchedAt { get; }

    /// <summary>The validation parameters built for these keys (set once by the validator, shared by all requests).</summary>
    internal TokenValidationParameters? Parameters { get; set; }

    public bool Contains(string kid) => _kids.Contains(kid);
}

/// <summary>Where the validator gets the issuer and its signing keys: a remote issuer (JWKS) or the development issuer.</summary>
internal interface ISigningKeySource
{
    /// <summary>The exact issuer tokens must carry.</summary>
    string Issuer { get; }

    /// <summary>
    /// The current keys. When <paramref name="kid"/> is not among them, a refetch may happen (rate-limited); the
    /// result may still lack it. Null when no keys could ever be fetched.
    /// </summary>
    ValueTask<SigningKeys?> GetKeysAsync(string? kid, CancellationToken cancellationToken);
}
