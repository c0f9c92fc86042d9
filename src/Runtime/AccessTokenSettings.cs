namespace Auth0.Generated;

/// <summary>How an <see cref="AccessToken"/> reads scopes and roles. Immutable; built once from the options.</summary>
public sealed class AccessTokenSettings
{
    /// <summary>The defaults: roles in <c>roles</c>, permissions not read as scopes.</summary>
    public static AccessTokenSettings Default { get; } = new("roles", permissionsAsScopes: false);

    /// <summary>Creates settings.</summary>
    /// <param name="rolesClaim">The claim <see cref="RequireRolesAttribute"/> reads.</param>
    /// <param name="permissionsAsScopes">Whether the <c>permissions</c> claim also satisfies scope requirements.</param>
    public AccessTokenSettings(string rolesClaim, bool permissionsAsScopes)
    {
        RolesClaim = string.IsNullOrEmpty(rolesClaim) ? throw new ArgumentException("A roles claim name is required.", nameof(rolesClaim)) : rolesClaim;
        PermissionsAsScopes = permissionsAsScopes;
    }

    /// <summary>The claim <see cref="RequireRolesAttribute"/> reads.</summary>
    public string RolesClaim { get; }

    /// <summary>Whether the <c>permissions</c> claim (Auth0 RBAC) also satisfies scope requirements.</summary>
    public bool PermissionsAsScopes { get; }
}
