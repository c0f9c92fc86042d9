namespace Auth0.Generated.Diagnostics;

/// <summary>
/// What the <c>Auth0</c> scheme reports per request: a log line and a metric for each refused token.
/// <para>
/// The scheme's logs (its own lines and those of ASP.NET Core's <c>AuthenticationHandler</c> base) are written under
/// <see cref="HandlerCategory"/>, next to JwtBearer's <c>Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler</c>
/// and at the level JwtBearer uses (Information). The <c>dotnet new web</c> template's
/// <c>"Microsoft.AspNetCore": "Warning"</c> therefore keeps them out of a default app's log, as it does JwtBearer's: a
/// flood of bad tokens is not a flood of log lines. Turn them on with
/// <c>"Microsoft.AspNetCore.Authentication": "Information"</c> (or the category itself).
/// </para>
/// A line carries the RFC 6750 error code and description (the reason), never the token nor any secret.
/// </summary>
internal static partial class AuthenticationDiagnostics
{
    /// <summary>The log category of the <c>Auth0</c> authentication handler.</summary>
    public const string HandlerCategory = "Microsoft.AspNetCore.Authentication.Auth0";

    /// <summary>The reason code of a request whose <c>Authorization</c> header is not a single <c>Bearer &lt;token&gt;</c>.</summary>
    public const string MalformedRequest = "malformed_request";

    /// <summary>A logger factory that gives the handler (and its base class) the <see cref="HandlerCategory"/> logger.</summary>
    public static ILoggerFactory HandlerLoggers(ILoggerFactory factory) => new SingleCategoryLoggerFactory(factory, HandlerCategory);

    /// <summary>Logs and counts a refused token (or a malformed request when <paramref name="failure"/> is null).</summary>
    public static void Refused(ILogger logger, Auth0Metrics? metrics, Auth0Failure? failure)
    {
        var reason = failure is null ? MalformedRequest : ReasonCode(failure);
        TokenRefused(logger, reason, failure?.Error ?? Auth0ErrorCodes.InvalidRequest, failure?.Description ?? "The Authorization header is not a single 'Bearer <token>'");
        metrics?.TokenRefused(reason);
    }

    /// <summary>
    /// A short, bounded reason code for metrics (<c>error.type</c>) and logs, from the validator's fixed descriptions;
    /// <c>invalid_token</c> for any other failure.
    /// </summary>
    internal static string ReasonCode(Auth0Failure failure) => failure.Description switch
    {
        "Invalid Compact JWS" => "malformed_token",
        "Token is too large" => "token_too_large",
        "signature verification failed" => "invalid_signature",
        "unexpected \"iss\" claim value" => "invalid_issuer",
        "unexpected \"aud\" claim value" => "invalid_audience",
        "\"exp\" claim timestamp check failed" => "expired",
        "missing required \"exp\" claim" => "missing_exp",
        "\"nbf\" claim timestamp check failed" => "not_yet_valid",
        "unexpected \"alg\" header value" => "invalid_algorithm",
        "unexpected \"typ\" JWT header value" => "invalid_type",
        "missing required \"iat\" claim" => "missing_iat",
        "\"iat\" claim timestamp check failed" => "invalid_iat",
        "unexpected \"sub\" claim value" => "invalid_subject",
        "Unable to fetch the signing keys of the issuer" => "keys_unavailable",
        _ => failure.Error == Auth0ErrorCodes.InvalidRequest ? Auth0ErrorCodes.InvalidRequest : Auth0ErrorCodes.InvalidToken,
    };

    [LoggerMessage(1, LogLevel.Information, "The access token was refused ({Reason}): {Error} \"{Description}\".", EventName = "TokenRefused")]
    private static partial void TokenRefused(ILogger logger, string reason, string error, string description);

    private sealed class SingleCategoryLoggerFactory(ILoggerFactory inner, string category) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => inner.CreateLogger(category);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose()
        {
            // The inner factory belongs to the container.
        }
    }
}
