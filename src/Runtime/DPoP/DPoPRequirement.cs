using System.ComponentModel;

namespace Auth0.Generated.DPoP;

/// <summary>The check behind <see cref="RequireDPoPAttribute"/>, shared by generated and interpreted checks.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DPoPRequirement
{
    private static readonly Auth0Failure NotDPoP = Auth0Failure.InvalidTokenOnDPoP("This endpoint requires a DPoP-bound access token and proof");

    /// <summary>
    /// Whether the request was authenticated with <c>Authorization: DPoP</c>: a token bound to the proof's key and a
    /// proof that passed every RFC 9449 check (authentication fails otherwise).
    /// </summary>
    public static bool UsedDPoP(HttpContext httpContext)
        => httpContext?.Features.Get<DPoPRequestFeature>()?.UsedDPoP == true;

    /// <summary>Null when <see cref="UsedDPoP"/>; otherwise 401 <c>invalid_token</c> on the <c>DPoP</c> challenge.</summary>
    public static ValueTask<Auth0Failure?> Check(HttpContext httpContext)
        => UsedDPoP(httpContext) ? default : new(NotDPoP);
}

/// <summary>The interpreted check of <see cref="RequireDPoPAttribute"/>.</summary>
internal sealed class DPoPRequirementCheck : IAuth0Check, IInterpretedCheck
{
    public static readonly DPoPRequirementCheck Interpreted = new();

    public ValueTask<Auth0Failure?> CheckAsync(AccessToken token, HttpContext httpContext) => DPoPRequirement.Check(httpContext);
}
