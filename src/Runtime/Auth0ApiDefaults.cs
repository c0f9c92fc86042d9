namespace Auth0.Generated;

/// <summary>Names and defaults shared by the Auth0.Generated runtime.</summary>
public static class Auth0ApiDefaults
{
    /// <summary>The authentication scheme registered by <c>AddAuth0Api</c>, and named by every requirement attribute.</summary>
    public const string AuthenticationScheme = "Auth0";

    /// <summary>The configuration section <c>AddAuth0Api</c> binds.</summary>
    public const string ConfigurationSection = "Auth0";

    /// <summary>
    /// The name of the <see cref="System.Net.Http.IHttpClientFactory"/> client that fetches discovery and JWKS documents.
    /// Configure it (<c>services.AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName)...</c>) for proxies or tests.
    /// </summary>
    public const string BackchannelHttpClientName = "Auth0.Generated.Backchannel";

    /// <summary>The query parameter read when <see cref="Auth0ApiOptions.AllowQueryToken"/> is on (RFC 6750 section 2.3).</summary>
    internal const string QueryParameterName = "access_token";

    /// <summary>The largest token accepted, in characters; a longer one is refused before it is parsed.</summary>
    internal const int MaxTokenLength = 16 * 1024;

    /// <summary>The default of <see cref="Auth0ApiOptions.TokenCacheSize"/>: validated tokens remembered.</summary>
    internal const int DefaultTokenCacheSize = 1000;

    /// <summary>The largest <see cref="Auth0ApiOptions.TokenCacheSize"/> accepted (an entry is about 150 bytes).</summary>
    internal const int MaxTokenCacheSize = 1_000_000;
}
