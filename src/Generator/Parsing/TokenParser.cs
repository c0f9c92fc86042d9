using System.Text;

namespace Auth0.Generated.Generator.Parsing
{
    /// <summary>Reads a partial <c>[Auth0Token]</c> class into a <see cref="TokenSpec"/>; anything invalid yields null.</summary>
    internal static class TokenParser
    {
        public static TokenSpec? Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (!TokenShape.IsCompletable(type, cancellationToken))
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

            // Every partial definition gets an implementation, so the build never stops at CS9248 before the analyzers
            // speak: one the generator cannot read (an unsupported type, A0G307) gets a getter that throws.
            var kind = ClaimTypes.Classify(property.Type, out var isNullable);
            var claimName = ClaimTypes.DefaultClaimName(property.Name);
            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == WellKnownNames.ClaimAttribute)
                {
                    if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string { Length: > 0 } name)
                    {
                        kind = ClaimKind.Unsupported;
                        break;
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
