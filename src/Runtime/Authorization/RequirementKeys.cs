using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Auth0.Generated.Authorization;

/// <summary>
/// The canonical text of a requirement. The generator computes the same text at compile time and registers its
/// check under it; the runtime looks the check up with the text of the attribute it finds on the endpoint.
/// The format is part of the contract between src/Generator and src/Runtime (tests hold both to it):
/// <c>kind</c>, then each argument on its own line (<c>\n</c>) in declaration order, with <c>\</c> written <c>\\</c>,
/// a line feed written <c>\n</c> and a null argument written <c>\0</c>; integers in the invariant culture, doubles as
/// their IEEE 754 bits in hex (<c>0x3FB999999999999A</c>: the same text on every compiler host), booleans as
/// <c>true</c>/<c>false</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequirementKeys
{
    /// <summary>Key of <see cref="RequireScopesAttribute"/>: <c>scopes.all</c> then each scope.</summary>
    public static string AllScopes(IReadOnlyList<string> scopes) => Build("scopes.all", scopes);

    /// <summary>Key of <see cref="RequireAnyScopeAttribute"/>: <c>scopes.any</c> then each scope.</summary>
    public static string AnyScope(IReadOnlyList<string> scopes) => Build("scopes.any", scopes);

    /// <summary>Key of <see cref="RequireRolesAttribute"/>: <c>roles.any</c> then each role.</summary>
    public static string AnyRole(IReadOnlyList<string> roles) => Build("roles.any", roles);

    /// <summary>Key of <see cref="ClaimIncludesAttribute"/>: <c>claim.includes</c>, the claim, then each value.</summary>
    public static string ClaimIncludes(string claim, IReadOnlyList<string> values)
    {
        var parts = new List<string>(values.Count + 1) { claim };
        parts.AddRange(values);
        return Build("claim.includes", parts);
    }

    /// <summary>Key of <see cref="ClaimEqualsAttribute"/>: <c>claim.equals</c>, the claim, the kind, the value.</summary>
    public static string ClaimEquals(string claim, ClaimValueKind kind, object value)
        => Build("claim.equals", [claim, KindName(kind), FormatValue(kind, value)]);

    /// <summary>Key of <see cref="ClaimCheckAttribute"/>: <c>claim.check</c>, the type's full name, the method, the message.</summary>
    public static string ClaimCheck(Type type, string method, string? message)
        => ClaimCheck(type.FullName ?? type.Name, method, message);

    /// <summary>Key of <see cref="ClaimCheckAttribute"/> from the type's full name (<see cref="Type.FullName"/> form).</summary>
    public static string ClaimCheck(string typeFullName, string method, string? message)
        => Build("claim.check", [typeFullName, method, message]);

    /// <summary>Key of <see cref="RequireDPoPAttribute"/>: <c>dpop</c> (no arguments).</summary>
    public static string DPoP() => Build("dpop", []);

    /// <summary>The lower-case name of a <see cref="ClaimValueKind"/> used in keys.</summary>
    public static string KindName(ClaimValueKind kind) => kind switch
    {
        ClaimValueKind.String => "string",
        ClaimValueKind.Boolean => "bool",
        ClaimValueKind.Integer => "integer",
        ClaimValueKind.Number => "number",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Formats a <see cref="ClaimEqualsAttribute"/> value for a key.</summary>
    public static string FormatValue(ClaimValueKind kind, object value) => kind switch
    {
        ClaimValueKind.String => (string)value,
        ClaimValueKind.Boolean => (bool)value ? "true" : "false",
        ClaimValueKind.Integer => ((long)value).ToString(CultureInfo.InvariantCulture),
        ClaimValueKind.Number => "0x" + BitConverter.DoubleToInt64Bits((double)value).ToString("X16", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Build(string kind, IReadOnlyList<string?> parts)
    {
        var builder = new StringBuilder(kind);
        foreach (var part in parts)
        {
            builder.Append('\n');
            if (part is null)
            {
                builder.Append("\\0");
                continue;
            }

            foreach (var c in part)
            {
                switch (c)
                {
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    default:
                        builder.Append(c);
                        break;
                }
            }
        }

        return builder.ToString();
    }
}
