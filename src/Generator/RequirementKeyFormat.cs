using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Auth0.Generated.Generator
{
    /// <summary>
    /// The generator's copy of the runtime's <c>RequirementKeys</c> format: the kind, then each argument on its own line
    /// (<c>\n</c>) with <c>\</c> and line feeds escaped and null written <c>\0</c>, integers in the invariant culture,
    /// doubles as their IEEE 754 bits in hex (identical on every compiler host), booleans as <c>true</c>/<c>false</c>.
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
            => Build("claim.equals", [claim, "number", "0x" + System.BitConverter.DoubleToInt64Bits(value).ToString("X16", CultureInfo.InvariantCulture)]);

        /// <summary><paramref name="typeFullName"/> is in <c>Type.FullName</c> form (<c>Ns.Outer+Inner</c>).</summary>
        public static string ClaimCheck(string typeFullName, string method, string? message)
            => Build("claim.check", [typeFullName, method, message]);

        private static string Build(string kind, IEnumerable<string?> parts)
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
}
