using System.Buffers;
using Microsoft.Extensions.Primitives;

namespace Auth0.Generated.Authentication;

/// <summary>What the request offers as a token.</summary>
internal enum TokenSourceResult
{
    /// <summary>No token in any enabled source.</summary>
    None,

    /// <summary>A token was found.</summary>
    Found,

    /// <summary>An <c>Authorization</c> header that is not exactly one <c>Bearer &lt;token&gt;</c>: bare 401.</summary>
    Malformed,

    /// <summary>A token in more than one place (with the query source on): 400 invalid_request.</summary>
    Conflict,
}

/// <summary>Where the token was found.</summary>
internal enum TokenSource
{
    /// <summary>The <c>Authorization</c> header.</summary>
    Header,

    /// <summary>The <c>access_token</c> query parameter.</summary>
    Query,

    /// <summary>The configured cookie: a browser attaches it to cross-site requests too (see <see cref="CrossOriginGuard"/>).</summary>
    Cookie,
}

/// <summary>
/// Finds the token: the <c>Authorization</c> header (always), the <c>access_token</c> query parameter (opt-in) and a
/// named cookie (opt-in; wins over the header). Allocates nothing: the token is a segment of the header, query or cookie value.
/// </summary>
internal static class TokenExtractor
{
    public static TokenSourceResult Extract(HttpRequest request, Auth0ApiOptions options, out StringSegment token, out TokenSource source)
    {
        token = default;
        source = TokenSource.Header;
        string? cookieToken = null;
        if (options.CookieName is { Length: > 0 } cookieName && request.Cookies.TryGetValue(cookieName, out var cookie) && cookie.Length > 0)
        {
            cookieToken = cookie;
        }

        string? queryToken = null;
        if (options.AllowQueryToken && request.Query.TryGetValue(Auth0ApiDefaults.QueryParameterName, out var query))
        {
            if (query.Count != 1 || string.IsNullOrEmpty(query[0]))
            {
                return query.Count > 1 ? TokenSourceResult.Conflict : TokenSourceResult.Malformed;
            }

            queryToken = query[0];
        }

        var headerToken = default(StringSegment);
        var headerResult = TokenSourceResult.None;
        var authorization = request.Headers.Authorization;
        if (authorization.Count > 0 && cookieToken is null)
        {
            headerResult = authorization.Count == 1
                && (TryParseBearer(authorization[0], out headerToken)
                    || (options.DPoP.Mode != DPoP.DPoPMode.Disabled && DPoP.DPoPAuthorization.TryParse(authorization[0], out headerToken)))
                ? TokenSourceResult.Found
                : TokenSourceResult.Malformed;
        }

        var primary = cookieToken is not null ? new StringSegment(cookieToken) : headerToken;
        if (queryToken is not null && (primary.HasValue || headerResult == TokenSourceResult.Malformed))
        {
            return TokenSourceResult.Conflict;
        }

        if (headerResult == TokenSourceResult.Malformed)
        {
            return TokenSourceResult.Malformed;
        }

        var found = primary.HasValue ? primary : queryToken is not null ? new StringSegment(queryToken) : default;
        if (!found.HasValue)
        {
            return TokenSourceResult.None;
        }

        if (!headerToken.HasValue && !IsToken(found.AsSpan()))
        {
            return TokenSourceResult.Malformed;
        }

        token = found;
        source = cookieToken is not null ? TokenSource.Cookie : headerToken.HasValue ? TokenSource.Header : TokenSource.Query;
        return TokenSourceResult.Found;
    }

    /// <summary>
    /// Parses <c>Bearer &lt;token&gt;</c>: the scheme in any case, exactly one space, one token of RFC 6750
    /// <c>b64token</c> characters. Anything else (another scheme, two spaces, two tokens, a list) is malformed.
    /// </summary>
    internal static bool TryParseBearer(string? header, out StringSegment token)
    {
        token = default;
        const string Scheme = "Bearer ";
        if (header is null || header.Length <= Scheme.Length || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = header.AsSpan(Scheme.Length);
        if (!IsToken(value))
        {
            return false;
        }

        token = new StringSegment(header, Scheme.Length, header.Length - Scheme.Length);
        return true;
    }

    /// <summary>The characters of an RFC 6750 b64token before its padding.</summary>
    private static readonly SearchValues<char> TokenCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/");

    /// <summary>RFC 6750 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" (vectorized).</summary>
    private static bool IsToken(ReadOnlySpan<char> value)
    {
        var body = value.TrimEnd('=');
        return !body.IsEmpty && !body.ContainsAnyExcept(TokenCharacters);
    }
}
