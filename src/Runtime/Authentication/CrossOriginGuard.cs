using Microsoft.Extensions.Primitives;

namespace Auth0.Generated.Authentication;

/// <summary>
/// Cross-site request forgery defence for tokens read from a cookie, after Go 1.25's <c>http.CrossOriginProtection</c>:
/// a browser attaches the cookie to a form another site posts, so an unsafe request (any method but GET, HEAD,
/// OPTIONS, TRACE) is refused when the browser says it is cross-origin. <c>Sec-Fetch-Site</c> (every current browser
/// sends it) must be <c>same-origin</c> or <c>none</c>; without it, an <c>Origin</c> header must name the API's own
/// host. Either way an <c>Origin</c> in <see cref="Auth0ApiOptions.TrustedOrigins"/> passes (a separate front-end). A
/// request with neither header does not come from a browser (curl, a server) and passes. Header tokens never get here:
/// a page on another site cannot set the <c>Authorization</c> header of a request it makes the browser send.
/// </summary>
internal static class CrossOriginGuard
{
    /// <summary>Whether the request may use the cookie's token.</summary>
    public static bool Allows(HttpRequest request, IList<string> trustedOrigins)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return true;
        }

        var headers = request.Headers;
        var site = headers["Sec-Fetch-Site"];
        var origin = headers.Origin;
        if (site.Count > 0)
        {
            if (site.Count == 1 && (string.Equals(site[0], "same-origin", StringComparison.OrdinalIgnoreCase)
                                    || string.Equals(site[0], "none", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            return IsTrusted(origin, trustedOrigins);
        }

        if (origin.Count == 0)
        {
            return true;
        }

        return (origin.Count == 1 && IsOwnOrigin(origin[0], request)) || IsTrusted(origin, trustedOrigins);
    }

    /// <summary>Whether <paramref name="value"/> is an origin as browsers write it: <c>scheme://host[:port]</c>, nothing more.</summary>
    internal static bool IsOrigin(string? value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.UserInfo.Length == 0
            && string.Equals(value, uri.Scheme + "://" + uri.Authority, StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>Origin</c>'s host (and port) is the <c>Host</c> the request was sent to, as Go compares them.</summary>
    private static bool IsOwnOrigin(string? origin, HttpRequest request)
    {
        if (origin is null || !request.Host.HasValue)
        {
            return false;
        }

        var separator = origin.IndexOf("://", StringComparison.Ordinal);
        var scheme = separator < 0 ? default : origin.AsSpan(0, separator);
        return (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
            && origin.AsSpan(separator + 3).Equals(request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsTrusted(StringValues origin, IList<string> trustedOrigins)
    {
        if (origin.Count != 1 || origin[0] is not { Length: > 0 } value)
        {
            return false;
        }

        foreach (var trusted in trustedOrigins)
        {
            if (string.Equals(value, trusted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
