using Auth0.Generated.Authentication;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Auth0.Generated.DPoP;

/// <summary>
/// What the <c>Auth0</c> authentication handler asks about DPoP, for one scheme whose mode is not
/// <see cref="DPoPMode.Disabled"/>: the challenges to answer with, which scheme a request used, and the checks of
/// RFC 9449 section 7 (Bearer with <c>cnf</c> refused; the DPoP scheme needs a bound token and a valid proof).
/// The per-request state is one of two immutable <see cref="DPoPRequestFeature"/> objects: nothing is allocated.
/// </summary>
internal sealed class DPoPScheme
{
    internal static readonly Auth0Failure BoundTokenAsBearer = Auth0Failure.InvalidToken("A DPoP-bound access token must be sent with the DPoP authorization scheme");
    internal static readonly Auth0Failure BearerNotAllowed = Auth0Failure.InvalidTokenOnDPoP("The DPoP authorization scheme is required");

    public DPoPScheme(DPoPMode mode, DPoPProofValidator validator)
    {
        Mode = mode;
        Validator = validator;
        var dpopChallenge = DPoPDefaults.AuthorizationScheme + " algs=\"" + validator.Algs + "\"";
        string[] bare = mode == DPoPMode.Required ? [dpopChallenge] : ["Bearer", dpopChallenge];
        ForBearer = new DPoPRequestFeature(usedDPoP: false, validator.Algs, bare);
        ForDPoP = new DPoPRequestFeature(usedDPoP: true, validator.Algs, bare);
    }

    public DPoPMode Mode { get; }

    public DPoPProofValidator Validator { get; }

    /// <summary>The request state when the request used <c>Bearer</c> (or sent no token).</summary>
    public DPoPRequestFeature ForBearer { get; }

    /// <summary>The request state when the request used <c>DPoP</c>.</summary>
    public DPoPRequestFeature ForDPoP { get; }

    /// <summary>Records that the request is answered by this scheme's challenges (called before the token is looked for).</summary>
    public void Begin(HttpContext context) => context.Features.Set(ForBearer);

    /// <summary>
    /// Called once a token was found: records the scheme the request used, and refuses <c>Bearer</c> in
    /// <see cref="DPoPMode.Required"/> before the token is validated.
    /// </summary>
    public Auth0Failure? Classify(HttpContext context, ReadOnlySpan<char> token)
    {
        var usedDPoP = DPoPAuthorization.UsesDPoPScheme(context.Request, token);
        if (usedDPoP)
        {
            context.Features.Set(ForDPoP);
            return null;
        }

        return Mode == DPoPMode.Required ? BearerNotAllowed : null;
    }

    /// <summary>
    /// Called after the token validated (whether or not the validated-token cache answered): a DPoP request needs a valid
    /// proof for this token; a Bearer request must not carry a bound token. Null when the request may proceed.
    /// </summary>
    public ValueTask<Auth0Failure?> CheckAsync(HttpContext context, StringSegment token, ValidatedToken validated)
    {
        if (context.Features.Get<DPoPRequestFeature>()?.UsedDPoP != true)
        {
            // Read once when the token was validated (ValidatedToken), so a cache hit does not parse the payload again.
            return new(validated.IsSenderConstrained ? BoundTokenAsBearer : null);
        }

        return CheckProofAsync(context, token.Value!, validated.Token);
    }

    private async ValueTask<Auth0Failure?> CheckProofAsync(HttpContext context, string token, AccessToken accessToken)
    {
        var nonces = Validator.Nonces;

        if (nonces is not null)
        {
            context.Response.Headers[DPoPDefaults.NonceHeader] = nonces.Current();
        }

        return await Validator.ValidateAsync(context.Request, token, accessToken.Jwt.EncodedPayload, context.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>The DPoP state of one request, read when its answer is written. Immutable and shared.</summary>
internal sealed class DPoPRequestFeature
{
    public DPoPRequestFeature(bool usedDPoP, string algs, string[] bareChallenges)
    {
        UsedDPoP = usedDPoP;
        Algs = algs;
        BareChallenges = bareChallenges;
    }

    /// <summary>Whether the request used <c>Authorization: DPoP</c> (after authentication succeeded: with a valid proof).</summary>
    public bool UsedDPoP { get; }

    /// <summary>The accepted proof algorithms, space-separated.</summary>
    public string Algs { get; }

    /// <summary>The challenges of a request without usable credentials.</summary>
    public string[] BareChallenges { get; }
}

/// <summary>Parses <c>Authorization: DPoP &lt;token&gt;</c>.</summary>
internal static class DPoPAuthorization
{
    private const string Prefix = DPoPDefaults.AuthorizationScheme + " ";

    /// <summary>The token of <c>DPoP &lt;token&gt;</c> (scheme in any case, one space, one token); the token's characters are checked by the extractor.</summary>
    public static bool TryParse(string? header, out StringSegment token)
    {
        token = default;
        if (header is null || header.Length <= Prefix.Length || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header[Prefix.Length] == ' ')
        {
            return false;
        }

        token = new StringSegment(header, Prefix.Length, header.Length - Prefix.Length);
        return true;
    }

    /// <summary>Whether <paramref name="token"/> came from a single <c>Authorization: DPoP</c> header.</summary>
    public static bool UsesDPoPScheme(HttpRequest request, ReadOnlySpan<char> token)
    {
        var authorization = request.Headers[HeaderNames.Authorization];
        return authorization.Count == 1
            && authorization[0] is { } header
            && header.Length == Prefix.Length + token.Length
            && header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && header.AsSpan(Prefix.Length).SequenceEqual(token);
    }
}
