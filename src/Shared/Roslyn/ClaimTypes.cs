// Linked source (src/Shared/Roslyn, generator and analyzers): how a partial property of the [Auth0Token] type maps
// to a claim. The generator emits accessors from this; the analyzers validate declarations against it.
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Auth0.Generated.Shared
{
    /// <summary>The claim shapes a typed token property can read.</summary>
    internal enum ClaimKind
    {
        /// <summary>Not a supported claim type (the analyzers report it; the generator skips it).</summary>
        Unsupported = 0,
        String,
        Boolean,
        Int32,
        Int64,
        Double,
        /// <summary><see cref="System.DateTimeOffset"/> read from a NumericDate (seconds since the epoch).</summary>
        NumericDate,
        /// <summary><c>IReadOnlyList&lt;string&gt;</c> or <c>string[]</c>: a JSON array of strings or a space-separated string.</summary>
        StringList,
        /// <summary>An enum read from a JSON string (see <see cref="ClaimTypes.EnumMemberValues"/>).</summary>
        StringEnum,
    }

    internal static class ClaimTypes
    {
        /// <summary>
        /// The claim name a property reads: the [Claim("...")] argument when present, otherwise the property name with
        /// its first letter lower-cased (<c>IsAdmin</c> reads <c>isAdmin</c>).
        /// </summary>
        public static string DefaultClaimName(string propertyName)
            => propertyName.Length == 0 || char.IsLower(propertyName[0])
                ? propertyName
                : char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);

        /// <summary>Classifies a property type. <paramref name="isNullable"/> is true for <c>T?</c> (value or annotated reference).</summary>
        public static ClaimKind Classify(ITypeSymbol type, out bool isNullable)
        {
            isNullable = false;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                isNullable = true;
                type = nullable.TypeArguments[0];
            }
            else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
            {
                isNullable = true;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String: return ClaimKind.String;
                case SpecialType.System_Boolean: return ClaimKind.Boolean;
                case SpecialType.System_Int32: return ClaimKind.Int32;
                case SpecialType.System_Int64: return ClaimKind.Int64;
                case SpecialType.System_Double: return ClaimKind.Double;
            }

            if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String })
            {
                return ClaimKind.StringList;
            }

            if (type is INamedTypeSymbol named)
            {
                if (named.TypeKind == TypeKind.Enum)
                {
                    return ClaimKind.StringEnum;
                }

                if (named.ContainingNamespace?.ToDisplayString() == "System" && named.Name == "DateTimeOffset" && named.Arity == 0)
                {
                    return ClaimKind.NumericDate;
                }

                if (named.Arity == 1
                    && named.TypeArguments[0].SpecialType == SpecialType.System_String
                    && named.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic"
                    && named.Name == "IReadOnlyList")
                {
                    return ClaimKind.StringList;
                }
            }

            return ClaimKind.Unsupported;
        }

        /// <summary>
        /// The <see cref="ClaimValueKind"/> a <c>[ClaimEquals]</c> overload compares, from its value parameter's type
        /// (<c>string</c>, <c>bool</c>, <c>long</c>, <c>double</c>), or null for another type.
        /// </summary>
        public static ClaimValueKind? EqualsValueKind(ITypeSymbol valueParameterType)
            => ClaimValueKinds.FromClrType(valueParameterType.ContainingNamespace?.ToDisplayString() + "." + valueParameterType.MetadataName);

        /// <summary>Whether a claim of this kind is a list (the only kind [ClaimIncludes] accepts).</summary>
        public static bool IsList(ClaimKind kind) => kind == ClaimKind.StringList;

        /// <summary>
        /// The JSON string each member of a string-valued enum reads from, in declaration order:
        /// <c>[JsonStringEnumMemberName("x")]</c> or <c>[EnumMember(Value = "x")]</c> when present, otherwise the member
        /// name with its first letter lower-cased (<c>Premium</c> reads <c>"premium"</c>). Comparison is ordinal.
        /// </summary>
        public static ImmutableArray<KeyValuePair<string, string>> EnumMemberValues(INamedTypeSymbol enumType)
        {
            var builder = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            foreach (var member in enumType.GetMembers())
            {
                if (member is not IFieldSymbol { IsConst: true } field)
                {
                    continue;
                }

                string? json = null;
                foreach (var attribute in field.GetAttributes())
                {
                    var attributeName = attribute.AttributeClass?.ToDisplayString();
                    if (attributeName == "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute"
                        && attribute.ConstructorArguments.Length == 1
                        && attribute.ConstructorArguments[0].Value is string name)
                    {
                        json = name;
                    }
                    else if (attributeName == "System.Runtime.Serialization.EnumMemberAttribute")
                    {
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "Value" && named.Value.Value is string value)
                            {
                                json ??= value;
                            }
                        }
                    }
                }

                builder.Add(new KeyValuePair<string, string>(field.Name, json ?? DefaultClaimName(field.Name)));
            }

            return builder.ToImmutable();
        }
    }
}
