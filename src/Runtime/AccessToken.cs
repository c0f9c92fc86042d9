using System.Globalization;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth0.Generated;

/// <summary>
/// A validated access token with typed accessors for the registered claims and strictly typed readers for any other
/// claim. A claim that is absent, <c>null</c> or of another JSON type reads as absent: the readers never throw.
/// Your <see cref="Auth0TokenAttribute"/> type derives from this class (the generator adds the base). Immutable and
/// thread-safe: the authentication handler gives every request carrying the same (cached) token the same object.
/// </summary>
public class AccessToken
{
    private IReadOnlyList<string>? _audiences;
    private IReadOnlyList<string>? _scopes;
    private IReadOnlyList<string>? _permissions;

    /// <summary>Wraps a token that has already been validated.</summary>
    /// <param name="token">The validated token.</param>
    /// <param name="settings">How scopes and roles are read; <see cref="AccessTokenSettings.Default"/> when null.</param>
    public AccessToken(JsonWebToken token, AccessTokenSettings? settings = null)
    {
        Jwt = token ?? throw new ArgumentNullException(nameof(token));
        Settings = settings ?? AccessTokenSettings.Default;
    }

    /// <summary>Wraps the same validated token as <paramref name="source"/> (used by generated token types).</summary>
    protected AccessToken(AccessToken source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Jwt = source.Jwt;
        Settings = source.Settings;
    }

    /// <summary>The validated token, for anything the typed accessors do not cover.</summary>
    public JsonWebToken Jwt { get; }

    /// <summary>How scopes and roles are read.</summary>
    public AccessTokenSettings Settings { get; }

    /// <summary>The <c>sub</c> claim: the user or client the token was issued for.</summary>
    public string? Sub => TryGetString("sub", out var value) ? value : null;

    /// <summary>The <c>iss</c> claim.</summary>
    public string? Issuer => TryGetString("iss", out var value) ? value : null;

    /// <summary>The <c>aud</c> claim, as a list whether the token holds a string or an array.</summary>
    public IReadOnlyList<string> Audiences => _audiences ??= ReadList("aud");

    /// <summary>The <c>exp</c> claim.</summary>
    public DateTimeOffset? Expires => TryGetNumericDate("exp", out var value) ? value : null;

    /// <summary>The <c>iat</c> claim.</summary>
    public DateTimeOffset? IssuedAt => TryGetNumericDate("iat", out var value) ? value : null;

    /// <summary>The <c>nbf</c> claim.</summary>
    public DateTimeOffset? NotBefore => TryGetNumericDate("nbf", out var value) ? value : null;

    /// <summary>The scopes of the <c>scope</c> claim (a space-separated string or an array).</summary>
    public IReadOnlyList<string> Scopes => _scopes ??= ReadList("scope");

    /// <summary>The <c>permissions</c> claim Auth0 adds when RBAC is on.</summary>
    public IReadOnlyList<string> Permissions => _permissions ??= ReadList("permissions");

    /// <summary>The <c>client_id</c> claim.</summary>
    public string? ClientId => TryGetString("client_id", out var value) ? value : null;

    /// <summary>The <c>azp</c> claim (authorized party).</summary>
    public string? Azp => TryGetString("azp", out var value) ? value : null;

    /// <summary>The <c>jti</c> claim.</summary>
    public string? Jti => TryGetString("jti", out var value) ? value : null;

    /// <summary>
    /// Whether the token grants <paramref name="scope"/>: an exact, case-sensitive element of the <c>scope</c> claim,
    /// or of <c>permissions</c> when <see cref="AccessTokenSettings.PermissionsAsScopes"/> is on. Allocates nothing.
    /// </summary>
    public bool HasScope(string scope)
        => ContainsElement("scope", scope) || (Settings.PermissionsAsScopes && ContainsElement("permissions", scope));

    /// <summary>Whether the roles claim (<see cref="AccessTokenSettings.RolesClaim"/>) has <paramref name="role"/> as an element.</summary>
    public bool HasRole(string role) => ContainsElement(Settings.RolesClaim, role);

    /// <summary>Whether the claim is present with a non-null value.</summary>
    public bool HasClaim(string claim) => TryGetRaw(claim, out _);

    /// <summary>Reads a JSON string claim.</summary>
    public bool TryGetString(string claim, out string value)
    {
        if (TryGetRaw(claim, out var raw) && raw is string s)
        {
            value = s;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Reads a JSON boolean claim (the string <c>"true"</c> is not a boolean).</summary>
    public bool TryGetBoolean(string claim, out bool value)
    {
        if (TryGetRaw(claim, out var raw) && raw is bool b)
        {
            value = b;
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>Reads a JSON integer claim that fits in a <see cref="long"/>.</summary>
    public bool TryGetInt64(string claim, out long value)
    {
        value = TryGetRaw(claim, out var raw) ? raw switch { int i => i, long l => l, _ => 0 } : 0;
        return raw is int or long;
    }

    /// <summary>Reads a JSON number claim.</summary>
    public bool TryGetDouble(string claim, out double value)
    {
        value = TryGetRaw(claim, out var raw) ? raw switch { int i => i, long l => l, double d => d, decimal m => (double)m, _ => 0 } : 0;
        return raw is int or long or double or decimal;
    }

    /// <summary>Reads a NumericDate claim (seconds since the Unix epoch, RFC 7519).</summary>
    public bool TryGetNumericDate(string claim, out DateTimeOffset value)
    {
        if (TryGetDouble(claim, out var seconds) && !double.IsNaN(seconds) && seconds >= -62135596800d && seconds <= 253402300799d)
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(seconds * 1000d));
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Reads a list claim: a JSON array whose elements are all strings, or a space-separated string.
    /// Anything else reads as absent. Allocates the list; cache it (generated accessors do). The list is read-only (not
    /// even through a cast): one token object serves every request that carries the same token.
    /// </summary>
    public bool TryGetStringList(string claim, out IReadOnlyList<string> value)
    {
        if (TryGetRaw(claim, out var raw))
        {
            switch (raw)
            {
                case string s:
                    value = Array.AsReadOnly(s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    return true;
                case JsonElement { ValueKind: JsonValueKind.Array } array:
                    var list = new List<string>(array.GetArrayLength());
                    foreach (var element in array.EnumerateArray())
                    {
                        if (element.ValueKind != JsonValueKind.String)
                        {
                            value = Array.Empty<string>();
                            return false;
                        }

                        list.Add(element.GetString()!);
                    }

                    value = list.AsReadOnly();
                    return true;
                case IEnumerable<string> strings:
                    value = new List<string>(strings).AsReadOnly();
                    return true;
            }
        }

        value = Array.Empty<string>();
        return false;
    }

    /// <summary>
    /// Whether a list claim (JSON array of strings, or space-separated string) has <paramref name="element"/> as one of
    /// its elements, compared ordinally. A substring is not an element. Allocates nothing.
    /// </summary>
    public bool ContainsElement(string claim, string element)
    {
        if (string.IsNullOrEmpty(element) || !TryGetRaw(claim, out var raw))
        {
            return false;
        }

        switch (raw)
        {
            case string s:
                return ContainsSpaceSeparated(s, element);
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.ValueEquals(element))
                    {
                        return true;
                    }
                }

                return false;
            case List<string> list:
                foreach (var item in list)
                {
                    if (string.Equals(item, element, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Whether <paramref name="list"/> (space-separated) has <paramref name="element"/> as one of its elements.</summary>
    internal static bool ContainsSpaceSeparated(ReadOnlySpan<char> list, ReadOnlySpan<char> element)
    {
        while (!list.IsEmpty)
        {
            var space = list.IndexOf(' ');
            var current = space < 0 ? list : list[..space];
            if (current.SequenceEqual(element))
            {
                return true;
            }

            if (space < 0)
            {
                break;
            }

            list = list[(space + 1)..];
        }

        return false;
    }

    /// <summary>The raw payload value as IdentityModel parsed it, or false when absent or null.</summary>
    protected bool TryGetRaw(string claim, out object value)
    {
        if (Jwt.TryGetPayloadValue<object>(claim, out var raw) && raw is not null)
        {
            value = raw;
            return true;
        }

        value = null!;
        return false;
    }

    private IReadOnlyList<string> ReadList(string claim)
        => TryGetStringList(claim, out var list) ? list : Array.Empty<string>();

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"AccessToken(sub={Sub ?? "(none)"})");
}
