using Auth0.Generated.DPoP;

namespace Auth0.Generated;

/// <summary>
/// Requires a DPoP-bound access token presented with <c>Authorization: DPoP</c> and a valid proof (RFC 9449), whatever
/// the API's <see cref="DPoPOptions.Mode"/> (which must not be <see cref="DPoPMode.Disabled"/>). A Bearer request
/// answers 401 <c>invalid_token</c> on the <c>DPoP</c> challenge. On a route group or controller it applies to every
/// endpoint in it; <c>.RequireDPoP()</c> is the convention form.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequireDPoPAttribute : Auth0RequirementAttribute
{
    /// <summary>Creates the requirement.</summary>
    public RequireDPoPAttribute()
    {
    }

    private protected override string BuildKey() => RequirementKeyFormat.Build(RequirementKind.DPoP, []);

    private protected override IAuth0Check CreateFallbackCheck() => DPoPRequirementCheck.Interpreted;
}
