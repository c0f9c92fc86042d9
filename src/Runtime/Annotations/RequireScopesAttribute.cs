using System;
using Auth0.Generated.Authorization;

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

    private protected override string BuildKey() => RequirementKeys.AllScopes(Scopes);

    private protected override IAuth0Check CreateFallbackCheck() => ScopeCheck.AllOf(Scopes);
}

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

    private protected override string BuildKey() => RequirementKeys.AnyScope(Scopes);

    private protected override IAuth0Check CreateFallbackCheck() => ScopeCheck.AnyOf(Scopes);
}

/// <summary>
/// Requires the access token to carry at least one of the listed roles (any-of), read from the roles claim configured
/// in <see cref="Auth0ApiOptions.RolesClaim"/> (default <c>roles</c>; a JSON array or a space-separated string).
/// Comparison is exact element membership: <c>superadmin</c> does not satisfy <c>admin</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireRolesAttribute : Auth0RequirementAttribute
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="roles">The accepted roles; at least one.</param>
    public RequireRolesAttribute(params string[] roles) => Roles = RequireValues(roles, "role");

    /// <summary>The accepted roles: one of them is enough.</summary>
    public string[] Roles { get; }

    private protected override string BuildKey() => RequirementKeys.AnyRole(Roles);

    private protected override IAuth0Check CreateFallbackCheck() => RoleCheck.AnyOf(Roles);
}
