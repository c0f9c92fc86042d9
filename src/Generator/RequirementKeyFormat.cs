using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Auth0.Generated.Generator
{
    /// <summary>
    /// The generator's copy of the runtime's <c>RequirementKeys</c> format: the kind, then each argument on its own line
    /// (<c>\n</c>), numbers in the invariant culture (<c>R</c> for doubles), booleans as <c>true</c>/<c>false</c>.
    /// Tests compare it with the runtime's <c>RequirementKey</c> for every attribute kind.
    /// </summary>
    internal static class RequirementKeyFormat
    {
        public static string AllScopes(IEnumerable<string> scopes) => Build("scopes.all", scopes);

        public static string AnyScope(IEnumerable<string> scopes) => Build("scopes.any", scopes);

        public static string AnyRole(IEnumerable<string> roles) => Build("roles.any", roles);

        public static string ClaimIncludes(string claim, IEnumerable<string> values)
        {
            var parts = new List<string> { claim };
            parts.AddRange(values);
            return Build("claim.includes", parts);
        }

        public static string ClaimEqualsString(string claim, string value) => Build("claim.equals", [claim, "string", value]);

        public static string ClaimEqualsBoolean(string claim, bool value) => Build("claim.equals", [claim, "bool", value ? "true" : "false"]);

        public static string ClaimEqualsInteger(string claim, long value)
            => Build("claim.equals", [claim, "integer", value.ToString(CultureInfo.InvariantCulture)]);

        public static string ClaimEqualsNumber(string claim, double value)
            => Build("claim.equals", [claim, "number", value.ToString("R", CultureInfo.InvariantCulture)]);

        /// <summary><paramref name="typeFullName"/> is in <c>Type.FullName</c> form (<c>Ns.Outer+Inner</c>).</summary>
        public static string ClaimCheck(string typeFullName, string method, string? message)
            => Build("claim.check", [typeFullName, method, message ?? string.Empty]);

        private static string Build(string kind, IEnumerable<string> parts)
        {
            var builder = new StringBuilder(kind);
            foreach (var part in parts)
            {
                builder.Append('\n').Append(part);
            }

            return builder.ToString();
        }
    }
}
