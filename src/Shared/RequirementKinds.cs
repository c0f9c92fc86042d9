// Linked source (src/Shared): the requirement kinds the runtime, the generator and the analyzers all know.
// Adding a kind starts here: see docs/architecture.md, "Adding a requirement kind".
using System;
using System.Collections.Generic;

#if AUTH0_RUNTIME
namespace Auth0.Generated.Authorization
#else
namespace Auth0.Generated.Shared
#endif
{
    /// <summary>A kind of requirement: one attribute, at most one convention, one key prefix.</summary>
    internal enum RequirementKind
    {
        AllScopes,
        AnyScope,
        AnyRole,
        ClaimEquals,
        ClaimIncludes,
        ClaimCheck,
        DPoP,
    }

    /// <summary>What a requirement's constructor (and its convention, after the builder) takes.</summary>
    internal enum RequirementArguments
    {
        /// <summary><c>params string[] values</c> (scopes or roles).</summary>
        Values,

        /// <summary><c>string claim, params string[] values</c>.</summary>
        ClaimAndValues,

        /// <summary><c>string claim, T value</c> with one overload per <see cref="ClaimValueKind"/> (see <see cref="ClaimValueKinds"/>).</summary>
        ClaimAndValue,

        /// <summary><c>Type type, string method</c>, and the named <c>Message</c>.</summary>
        TypeAndMethod,

        /// <summary>No arguments (<c>[RequireDPoP]</c>).</summary>
        None,
    }

    /// <summary>One row of <see cref="RequirementKinds.All"/>.</summary>
    internal sealed class RequirementKindInfo(RequirementKind kind, string attributeName, string? conventionName, string keyPrefix, RequirementArguments arguments)
    {
        public RequirementKind Kind { get; } = kind;

        /// <summary>The attribute's name as written in source: <c>RequireScopes</c> for <c>[RequireScopes(...)]</c>.</summary>
        public string AttributeName { get; } = attributeName;

        /// <summary>The attribute type's metadata name (<c>Auth0.Generated.RequireScopesAttribute</c>).</summary>
        public string AttributeMetadataName { get; } = "Auth0.Generated." + attributeName + "Attribute";

        /// <summary>
        /// The endpoint convention (an extension method in namespace <c>Auth0.Generated</c> taking the builder, then the
        /// attribute's arguments) that adds the same requirement, or null when there is none.
        /// </summary>
        public string? ConventionName { get; } = conventionName;

        /// <summary>The first line of every key of this kind (<see cref="RequirementKeyFormat"/>).</summary>
        public string KeyPrefix { get; } = keyPrefix;

        public RequirementArguments Arguments { get; } = arguments;

        /// <summary>Whether the convention's arguments are the attribute's (constants the generator can read); false for delegates.</summary>
        public bool ConventionTakesAttributeArguments => ConventionName is not null && Arguments != RequirementArguments.TypeAndMethod;

        public bool IsScope => Kind is RequirementKind.AllScopes or RequirementKind.AnyScope;
    }

    /// <summary>The requirement-kind table: every component reads attribute names, convention names and key prefixes here.</summary>
    internal static class RequirementKinds
    {
        /// <summary>Every kind, in <see cref="RequirementKind"/> order.</summary>
        public static readonly IReadOnlyList<RequirementKindInfo> All = new[]
        {
            new RequirementKindInfo(RequirementKind.AllScopes, "RequireScopes", "RequireScopes", "scopes.all", RequirementArguments.Values),
            new RequirementKindInfo(RequirementKind.AnyScope, "RequireAnyScope", "RequireAnyScope", "scopes.any", RequirementArguments.Values),
            new RequirementKindInfo(RequirementKind.AnyRole, "RequireRoles", "RequireRoles", "roles.any", RequirementArguments.Values),
            new RequirementKindInfo(RequirementKind.ClaimEquals, "ClaimEquals", "RequireClaimEquals", "claim.equals", RequirementArguments.ClaimAndValue),
            new RequirementKindInfo(RequirementKind.ClaimIncludes, "ClaimIncludes", "RequireClaimIncludes", "claim.includes", RequirementArguments.ClaimAndValues),
            new RequirementKindInfo(RequirementKind.ClaimCheck, "ClaimCheck", "RequireClaimCheck", "claim.check", RequirementArguments.TypeAndMethod),
            new RequirementKindInfo(RequirementKind.DPoP, "RequireDPoP", "RequireDPoP", "dpop", RequirementArguments.None),
        };

        public static RequirementKindInfo Get(RequirementKind kind) => All[(int)kind];

        private static Dictionary<string, RequirementKindInfo> Index(Func<RequirementKindInfo, string?> key)
        {
            var index = new Dictionary<string, RequirementKindInfo>(StringComparer.Ordinal);
            foreach (var info in All)
            {
                if (key(info) is { } name)
                {
                    index.Add(name, info);
                }
            }

            return index;
        }

        private static readonly Dictionary<string, RequirementKindInfo> ByAttribute = Index(info => info.AttributeMetadataName);

        private static readonly Dictionary<string, RequirementKindInfo> ByConvention = Index(info => info.ConventionName);

        /// <summary>The kind whose attribute has this metadata name, or null.</summary>
        public static RequirementKindInfo? ByAttributeMetadataName(string metadataName)
            => ByAttribute.TryGetValue(metadataName, out var info) ? info : null;

        /// <summary>The kind whose convention has this method name, or null (the generator asks for every member call it sees).</summary>
        public static RequirementKindInfo? ByConventionName(string methodName)
            => ByConvention.TryGetValue(methodName, out var info) ? info : null;
    }

    /// <summary>
    /// The value-kind table: for each <see cref="ClaimValueKind"/>, its name in requirement keys
    /// (<see cref="RequirementKeyFormat"/>), the CLR type of its <see cref="RequirementArguments.ClaimAndValue"/> overload's
    /// value parameter and that type's C# keyword.
    /// </summary>
    internal static class ClaimValueKinds
    {
        /// <summary>One row per kind.</summary>
        private static readonly (ClaimValueKind Kind, string KeyName, string ClrTypeFullName, string Keyword)[] All =
        {
            (ClaimValueKind.String, "string", "System.String", "string"),
            (ClaimValueKind.Boolean, "bool", "System.Boolean", "bool"),
            (ClaimValueKind.Integer, "integer", "System.Int64", "long"),
            (ClaimValueKind.Number, "number", "System.Double", "double"),
        };

        /// <summary>The lower-case name of a value kind in keys (<c>integer</c> for <see cref="ClaimValueKind.Integer"/>).</summary>
        public static string KeyName(ClaimValueKind kind) => Get(kind).KeyName;

        /// <summary>The C# keyword of a value kind's parameter type (<c>long</c> for <see cref="ClaimValueKind.Integer"/>).</summary>
        public static string Keyword(ClaimValueKind kind) => Get(kind).Keyword;

        /// <summary>
        /// The value kind of a <see cref="RequirementArguments.ClaimAndValue"/> overload, from its value parameter's type
        /// (<c>System.String</c>, <c>System.Boolean</c>, <c>System.Int64</c>, <c>System.Double</c>), or null.
        /// </summary>
        public static ClaimValueKind? FromClrType(string clrTypeFullName)
        {
            foreach (var row in All)
            {
                if (row.ClrTypeFullName == clrTypeFullName)
                {
                    return row.Kind;
                }
            }

            return null;
        }

        private static (ClaimValueKind Kind, string KeyName, string ClrTypeFullName, string Keyword) Get(ClaimValueKind kind)
        {
            foreach (var row in All)
            {
                if (row.Kind == kind)
                {
                    return row;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
