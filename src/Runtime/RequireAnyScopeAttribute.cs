namespace Auth0.Generated;

/// <summary>
/// Requires the access token to carry <b>at least one</b> of the listed scopes (any-of).
/// A token with none of them answers 403 <c>insufficient_scope</c> naming the accepted scopes.
/// For "all of these scopes", use <see cref="RequireScopesAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireAnyScopeAttribute : Auth0RequirementAttribute
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="scopes">The accepted scopes; at least one, none empty or containing whitespace.</param>
    public RequireAnyScopeAttribute(params string[] scopes) => Scopes = RequireValues(scopes, "scope");

    /// <summary>The accepted scopes: one of them is enough.</summary>
    public string[] Scopes { get; }

    private protected override string BuildKey() => RequirementKeyFormat.Values(RequirementKind.AnyScope, null, Scopes);

    private protected override IAuth0Check CreateFallbackCheck() => ScopeCheck.AnyOf(Scopes);
}
