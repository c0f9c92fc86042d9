namespace Auth0.Generated.Configuration;

/// <summary>Turns the configured domain into the exact issuer string tokens must carry.</summary>
internal static class IssuerAddress
{
    /// <summary>
    /// Parses <c>host</c>, <c>host:port</c> or <c>https://host[:port]/</c> into <c>https://host[:port]/</c>
    /// (or <c>http://</c> when the domain says so). Returns an error message when the domain has a path, query,
    /// fragment or user info.
    /// </summary>
    public static bool TryParse(string domain, out string issuer, out bool isHttp, out string? error)
    {
        issuer = string.Empty;
        isHttp = false;
        var text = domain.Trim();
        var hasScheme = text.Contains("://", StringComparison.Ordinal);
        if (!hasScheme)
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            error = $"Auth0:Domain (AUTH0_DOMAIN) '{domain}' is not a host name: set it to your tenant domain, for example 'example.eu.auth0.com' or 'login.example.com:8443'.";
            return false;
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            error = $"Auth0:Domain (AUTH0_DOMAIN) '{domain}' has a path, query or user info: set only the host (and port), for example '{uri.Authority}'; the issuer is then 'https://{uri.Authority}/'.";
            return false;
        }

        isHttp = uri.Scheme == Uri.UriSchemeHttp;
        issuer = uri.GetLeftPart(UriPartial.Authority) + "/";
        error = null;
        return true;
    }
}
