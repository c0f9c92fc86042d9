using System.Collections.Generic;
using System.Text;
using System.Threading;
using Auth0.Generated.Generator.Model;
using Auth0.Generated.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0.Generated.Generator.Parsing
{
    /// <summary>Reads a partial <c>[Auth0Token]</c> class into a <see cref="TokenSpec"/>; anything invalid yields null.</summary>
    internal static class TokenParser
    {
        public static TokenSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || !TokenShape.IsCompletable(type, cancellationToken))
            {
                return null;
            }

            var properties = new List<ClaimPropertySpec>();
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is IPropertySymbol property && ParseProperty(property, cancellationToken) is { } spec)
                {
                    properties.Add(spec);
                }
            }

            return new TokenSpec(
                Names.Namespace(type.ContainingNamespace),
                type.Name,
                Names.FullyQualifiedNoAnnotation(type),
                new EquatableArray<ClaimPropertySpec>(properties),
                DeclaresBindableFromHttpContext(type));
        }

        /// <summary>Whether the user's declaration lists <c>IBindableFromHttpContext&lt;Self&gt;</c>.</summary>
        private static bool DeclaresBindableFromHttpContext(INamedTypeSymbol type)
        {
            foreach (var declared in type.Interfaces)
            {
                if (declared.TypeArguments.Length == 1
                    && Names.Namespace(declared.ContainingNamespace) + "." + declared.MetadataName == WellKnownNames.IBindableFromHttpContext
                    && SymbolEqualityComparer.Default.Equals(declared.TypeArguments[0], type))
                {
                    return true;
                }
            }

            return false;
        }

        private static ClaimPropertySpec? ParseProperty(IPropertySymbol property, CancellationToken cancellationToken)
        {
            if (property.IsStatic || property.IsIndexer || property.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            // A partial property definition: `partial`, a lone `get;` without a body.
            if (property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax
                {
                    ExpressionBody: null,
                    Initializer: null,
                    AccessorList.Accessors: { Count: 1 } accessors,
                } declaration
                || accessors[0] is not { Body: null, ExpressionBody: null } accessor
                || !accessor.IsKind(SyntaxKind.GetAccessorDeclaration)
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            var kind = ClaimTypes.Classify(property.Type, out var isNullable);
            if (kind == ClaimKind.Unsupported)
            {
                return null;
            }

            var claimName = ClaimTypes.DefaultClaimName(property.Name);
            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == WellKnownNames.ClaimAttribute)
                {
                    if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string { Length: > 0 } name)
                    {
                        return null;
                    }

                    claimName = name;
                }
            }

            var valueType = property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : property.Type;
            var enumValues = EquatableArray<EnumValueSpec>.Empty;
            if (kind == ClaimKind.StringEnum && valueType is INamedTypeSymbol enumType)
            {
                var values = new List<EnumValueSpec>();
                var seen = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var pair in ClaimTypes.EnumMemberValues(enumType))
                {
                    // Two members reading the same JSON string: the first declared wins.
                    if (seen.Add(pair.Value))
                    {
                        values.Add(new EnumValueSpec(Names.Identifier(pair.Key), pair.Value));
                    }
                }

                enumValues = new EquatableArray<EnumValueSpec>(values);
            }

            var modifiers = new StringBuilder();
            foreach (var modifier in declaration.Modifiers)
            {
                if (!modifier.IsKind(SyntaxKind.PartialKeyword))
                {
                    modifiers.Append(modifier.Text).Append(' ');
                }
            }

            return new ClaimPropertySpec(
                Names.Identifier(property.Name),
                modifiers.ToString().TrimEnd(),
                Names.FullyQualified(property.Type),
                Names.FullyQualifiedNoAnnotation(valueType),
                claimName,
                kind,
                isNullable,
                valueType is IArrayTypeSymbol,
                enumValues);
        }
    }
}
