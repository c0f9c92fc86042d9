using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

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

/// <summary>
/// Finds the token: the <c>Authorization</c> header (always), the <c>access_token</c> query parameter (opt-in) and a
/// named cookie (opt-in; wins over the header). Allocates only the token substring.
/// </summary>
internal static class TokenExtractor
{
    public static TokenSourceResult Extract(HttpRequest request, Auth0ApiOptions options, out string token)
    {
        token = string.Empty;
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

        string? headerToken = null;
        var headerResult = TokenSourceResult.None;
        var authorization = request.Headers[HeaderNames.Authorization];
        if (authorization.Count > 0 && cookieToken is null)
        {
            headerResult = authorization.Count == 1
                && (TryParseBearer(authorization[0], out headerToken)
                    || (options.DPoP.Mode != DPoP.DPoPMode.Disabled && DPoP.DPoPAuthorization.TryParse(authorization[0], out headerToken)))
                ? TokenSourceResult.Found
                : TokenSourceResult.Malformed;
        }

        var primary = cookieToken ?? headerToken;
        if (queryToken is not null && (primary is not null || headerResult == TokenSourceResult.Malformed))
        {
            return TokenSourceResult.Conflict;
        }

        if (headerResult == TokenSourceResult.Malformed)
        {
            return TokenSourceResult.Malformed;
        }

        var found = primary ?? queryToken;
        if (found is null)
        {
            return TokenSourceResult.None;
        }

        if (!IsToken(found))
        {
            return TokenSourceResult.Malformed;
        }

        token = found;
        return TokenSourceResult.Found;
    }

    /// <summary>
    /// Parses <c>Bearer &lt;token&gt;</c>: the scheme in any case, exactly one space, one token of RFC 6750
    /// <c>b64token</c> characters. Anything else (another scheme, two spaces, two tokens, a list) is malformed.
    /// </summary>
    internal static bool TryParseBearer(string? header, out string? token)
    {
        token = null;
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

        token = header[Scheme.Length..];
        return true;
    }

    /// <summary>RFC 6750 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=".</summary>
    private static bool IsToken(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        var padding = false;
        foreach (var c in value)
        {
            if (c == '=')
            {
                padding = true;
                continue;
            }

            if (padding || !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/'))
            {
                return false;
            }
        }

        return value[0] != '=';
    }
}
