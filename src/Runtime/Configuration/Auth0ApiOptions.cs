using Microsoft.AspNetCore.Authentication;

namespace Auth0.Generated;

/// <summary>
/// Options of the Auth0 authentication scheme. Bound from the <c>Auth0</c> configuration section and from the
/// <c>AUTH0_DOMAIN</c> / <c>AUTH0_AUDIENCE</c> environment variables.
/// </summary>
public sealed class Auth0ApiOptions : AuthenticationSchemeOptions
{
    /// <summary>The claim <see cref="RequireRolesAttribute"/> reads (default <c>roles</c>).</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Whether the <c>permissions</c> claim (Auth0 RBAC) also satisfies scope requirements. Off by default.</summary>
    public bool PermissionsAsScopes { get; set; }
}
