// Linked source (src/Shared): the canonical text of a requirement. The generator computes it at compile time and
// registers its check under it; the runtime computes it from the attribute it finds on the endpoint and looks the
// check up. One implementation, compiled into both.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

#if AUTH0_RUNTIME
namespace Auth0.Generated.Authorization
#else
namespace Auth0.Generated.Shared
#endif
{
    /// <summary>
    /// The key format: the kind's <see cref="RequirementKindInfo.KeyPrefix"/>, then each argument on its own line
    /// (<c>\n</c>) in declaration order, with <c>\</c> written <c>\\</c>, a line feed written <c>\n</c> and a null
    /// argument written <c>\0</c>; integers in the invariant culture, doubles as their IEEE 754 bits in hex
    /// (<c>0x3FB999999999999A</c>: the same text on every compiler host), booleans as <c>true</c>/<c>false</c>.
    /// </summary>
    internal static class RequirementKeyFormat
    {
        /// <summary>
        /// The key of a <see cref="RequirementArguments.Values"/> or <see cref="RequirementArguments.ClaimAndValues"/>
        /// requirement: the claim (when the kind has one), then each value.
        /// </summary>
        public static string Values(RequirementKind kind, string? claim, IEnumerable<string> values)
        {
            var parts = new List<string?>();
            if (RequirementKinds.Get(kind).Arguments == RequirementArguments.ClaimAndValues)
            {
                parts.Add(claim);
            }

            parts.AddRange(values);
            return Build(kind, parts);
        }

        /// <summary>The key of a <c>[ClaimEquals]</c>: the claim, the value kind's name, the formatted value.</summary>
        public static string ClaimEquals(string claim, ClaimValueKind kind, object value)
            => Build(RequirementKind.ClaimEquals, new[] { claim, ClaimValueKinds.KeyName(kind), FormatValue(kind, value) });

        /// <summary>The key of a <c>[ClaimCheck]</c>; <paramref name="typeFullName"/> is in <c>Type.FullName</c> form (<c>Ns.Outer+Inner</c>).</summary>
        public static string ClaimCheck(string typeFullName, string method, string? message)
            => Build(RequirementKind.ClaimCheck, new[] { typeFullName, method, message });

        /// <summary>Formats a <c>[ClaimEquals]</c> value (a string, bool, long or double) for a key.</summary>
        public static string FormatValue(ClaimValueKind kind, object value) => kind switch
        {
            ClaimValueKind.String => (string)value,
            ClaimValueKind.Boolean => (bool)value ? "true" : "false",
            ClaimValueKind.Integer => ((long)value).ToString(CultureInfo.InvariantCulture),
            ClaimValueKind.Number => "0x" + BitConverter.DoubleToInt64Bits((double)value).ToString("X16", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        /// <summary>The prefix of <paramref name="kind"/>, then each part on its own line, escaped.</summary>
        public static string Build(RequirementKind kind, IEnumerable<string?> parts)
        {
            var builder = new StringBuilder(RequirementKinds.Get(kind).KeyPrefix);
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
