namespace Auth0.Generated.Authorization;

/// <summary>
/// How a failed requirement answers: status code, RFC 6750 error code, description and, for
/// <c>insufficient_scope</c>, the scopes to name in the challenge. Built once per check, never per request.
/// </summary>
public sealed class Auth0Failure
{
    private Auth0Failure(int statusCode, string error, string description, string? scope, bool dpopChallenge = false)
    {
        StatusCode = statusCode;
        Error = error;
        Description = description;
        Scope = scope;
        DPoPChallenge = dpopChallenge;
    }

    /// <summary>Whether the answer is a <c>DPoP</c> challenge whatever scheme the request used (RFC 9449 section 7.1).</summary>
    internal bool DPoPChallenge { get; }

    /// <summary>The HTTP status code: 401 or 403.</summary>
    public int StatusCode { get; }

    /// <summary>The RFC 6750 error code (<c>invalid_token</c>, <c>insufficient_scope</c>, <c>invalid_request</c>).</summary>
    public string Error { get; }

    /// <summary>The human-readable <c>error_description</c>.</summary>
    public string Description { get; }

    /// <summary>The space-separated scopes for the challenge's <c>scope</c> attribute, when the error is about scopes.</summary>
    public string? Scope { get; }

    /// <summary>403 <c>insufficient_scope</c> naming <paramref name="scopes"/>.</summary>
    public static Auth0Failure InsufficientScope(IEnumerable<string> scopes, string description = "Insufficient scope")
        => new(StatusCodes.Status403Forbidden, Auth0ErrorCodes.InsufficientScope, description, string.Join(' ', scopes));

    /// <summary>403 <c>insufficient_scope</c> without a scope list (for example, a missing role).</summary>
    public static Auth0Failure Forbidden(string description)
        => new(StatusCodes.Status403Forbidden, Auth0ErrorCodes.InsufficientScope, description, null);

    /// <summary>401 <c>invalid_token</c> with <paramref name="description"/>.</summary>
    public static Auth0Failure InvalidToken(string description)
        => new(StatusCodes.Status401Unauthorized, Auth0ErrorCodes.InvalidToken, description, null);

    /// <summary>401 <c>invalid_token</c> "Missing '&lt;claim&gt;' claim".</summary>
    public static Auth0Failure MissingClaim(string claim) => InvalidToken($"Missing '{claim}' claim");

    /// <summary>401 <c>invalid_token</c> "Unexpected '&lt;claim&gt;' value".</summary>
    public static Auth0Failure UnexpectedClaimValue(string claim) => InvalidToken($"Unexpected '{claim}' value");

    /// <summary>400 <c>invalid_request</c> with <paramref name="description"/>.</summary>
    public static Auth0Failure InvalidRequest(string description)
        => new(StatusCodes.Status400BadRequest, Auth0ErrorCodes.InvalidRequest, description, null);

    /// <summary>401 <c>invalid_dpop_proof</c> on the <c>DPoP</c> challenge.</summary>
    internal static Auth0Failure InvalidDPoPProof(string description)
        => new(StatusCodes.Status401Unauthorized, Auth0ErrorCodes.InvalidDPoPProof, description, null, dpopChallenge: true);

    /// <summary>401 <c>use_dpop_nonce</c> on the <c>DPoP</c> challenge.</summary>
    internal static Auth0Failure UseDPoPNonce(string description)
        => new(StatusCodes.Status401Unauthorized, Auth0ErrorCodes.UseDPoPNonce, description, null, dpopChallenge: true);

    /// <summary>401 <c>invalid_token</c> on the <c>DPoP</c> challenge whatever scheme the request used.</summary>
    internal static Auth0Failure InvalidTokenOnDPoP(string description)
        => new(StatusCodes.Status401Unauthorized, Auth0ErrorCodes.InvalidToken, description, null, dpopChallenge: true);

    /// <inheritdoc />
    public override string ToString() => $"{StatusCode} {Error}: {Description}";
}

/// <summary>The RFC 6750 error codes.</summary>
public static class Auth0ErrorCodes
{
    /// <summary>The request is malformed (RFC 6750 section 3.1).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The token is expired, revoked, malformed or otherwise invalid.</summary>
    public const string InvalidToken = "invalid_token";

    /// <summary>The token lacks the privileges the request needs.</summary>
    public const string InsufficientScope = "insufficient_scope";

    /// <summary>The DPoP proof is missing or invalid (RFC 9449 section 7.1).</summary>
    public const string InvalidDPoPProof = "invalid_dpop_proof";

    /// <summary>The DPoP proof must carry the server nonce given in the <c>DPoP-Nonce</c> header (RFC 9449 section 9).</summary>
    public const string UseDPoPNonce = "use_dpop_nonce";
}
