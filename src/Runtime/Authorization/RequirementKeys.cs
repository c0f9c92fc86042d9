using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Auth0.Generated.Authorization;

/// <summary>
/// The canonical text of a requirement. The generator computes the same text at compile time and registers its
/// check under it; the runtime looks the check up with the text of the attribute it finds on the endpoint.
/// Both compile one implementation of the format (src/Shared/RequirementKeyFormat.cs): the kind's prefix, then each
/// argument on its own line (<c>\n</c>) in declaration order, with <c>\</c> written <c>\\</c>, a line feed written
/// <c>\n</c> and a null argument written <c>\0</c>; integers in the invariant culture, doubles as their IEEE 754 bits
/// in hex (<c>0x3FB999999999999A</c>), booleans as <c>true</c>/<c>false</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal static class RequirementKeys
{
    /// <summary>Key of <see cref="RequireScopesAttribute"/>: <c>scopes.all</c> then each scope.</summary>
    public static string AllScopes(IReadOnlyList<string> scopes) => RequirementKeyFormat.Values(RequirementKind.AllScopes, null, scopes);

    /// <summary>Key of <see cref="RequireAnyScopeAttribute"/>: <c>scopes.any</c> then each scope.</summary>
    public static string AnyScope(IReadOnlyList<string> scopes) => RequirementKeyFormat.Values(RequirementKind.AnyScope, null, scopes);

    /// <summary>Key of <see cref="RequireRolesAttribute"/>: <c>roles.any</c> then each role.</summary>
    public static string AnyRole(IReadOnlyList<string> roles) => RequirementKeyFormat.Values(RequirementKind.AnyRole, null, roles);

    /// <summary>Key of <see cref="ClaimIncludesAttribute"/>: <c>claim.includes</c>, the claim, then each value.</summary>
    public static string ClaimIncludes(string claim, IReadOnlyList<string> values) => RequirementKeyFormat.Values(RequirementKind.ClaimIncludes, claim, values);

    /// <summary>Key of <see cref="ClaimEqualsAttribute"/>: <c>claim.equals</c>, the claim, the kind, the value.</summary>
    public static string ClaimEquals(string claim, ClaimValueKind kind, object value) => RequirementKeyFormat.ClaimEquals(claim, kind, value);

    /// <summary>Key of <see cref="ClaimCheckAttribute"/>: <c>claim.check</c>, the type's full name, the method, the message.</summary>
    public static string ClaimCheck(Type type, string method, string? message)
        => RequirementKeyFormat.ClaimCheck(type.FullName ?? type.Name, method, message);

    /// <summary>Key of <see cref="ClaimCheckAttribute"/> from the type's full name (<see cref="Type.FullName"/> form).</summary>
    public static string ClaimCheck(string typeFullName, string method, string? message) => RequirementKeyFormat.ClaimCheck(typeFullName, method, message);

    /// <summary>The lower-case name of a <see cref="ClaimValueKind"/> used in keys.</summary>
    public static string KindName(ClaimValueKind kind) => RequirementKeyFormat.KindName(kind);

    /// <summary>Formats a <see cref="ClaimEqualsAttribute"/> value for a key.</summary>
    public static string FormatValue(ClaimValueKind kind, object value) => RequirementKeyFormat.FormatValue(kind, value);
}
