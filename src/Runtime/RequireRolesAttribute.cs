namespace Auth0.Generated;

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

    private protected override string BuildKey() => RequirementKeyFormat.Values(RequirementKind.AnyRole, null, Roles);

    private protected override IAuth0Check CreateFallbackCheck() => RoleCheck.AnyOf(Roles);
}
