namespace Auth0.Generated;

/// <summary>
/// Requires the access token to carry <b>every one</b> of the listed scopes (all-of), read from the <c>scope</c> claim
/// (a space-separated string or a JSON array). Comparison is exact and case-sensitive.
/// A missing scope answers 403 <c>insufficient_scope</c> with a challenge that names the required scopes.
/// For "any one of these scopes", use <see cref="RequireAnyScopeAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireScopesAttribute : Auth0RequirementAttribute
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="scopes">The scopes that must all be present; at least one, none empty or containing whitespace.</param>
    public RequireScopesAttribute(params string[] scopes) => Scopes = RequireValues(scopes, "scope");

    /// <summary>The scopes that must all be present.</summary>
    public string[] Scopes { get; }

    private protected override string BuildKey() => RequirementKeyFormat.Values(RequirementKind.AllScopes, null, Scopes);

    private protected override IAuth0Check CreateFallbackCheck() => ScopeCheck.AllOf(Scopes);
}
