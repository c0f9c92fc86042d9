namespace Auth0.Generated.Generator.Parsing
{
    /// <summary>Turns symbols into the strings models hold.</summary>
    internal static class Names
    {
        private static readonly SymbolDisplayFormat FullyQualifiedNullable =
            SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary><c>global::Ns.Type</c>, with <c>?</c> on annotated reference types.</summary>
        public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(FullyQualifiedNullable);

        /// <summary><c>global::Ns.Type</c> without a nullable annotation.</summary>
        public static string FullyQualifiedNoAnnotation(ITypeSymbol type)
            => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        /// <summary>The name as a C# identifier (<c>@class</c> for a keyword).</summary>
        public static string Identifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.FieldKeyword
                ? "@" + name
                : name;

        /// <summary>The namespace's dotted name, or empty for the global namespace.</summary>
        public static string Namespace(INamespaceSymbol? ns)
            => ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString();

        /// <summary>
        /// The type's name in <c>System.Type.FullName</c> form (<c>Ns.Outer+Inner</c>), or null for generic types,
        /// whose <c>FullName</c> the generator cannot reproduce.
        /// </summary>
        public static string? RuntimeFullName(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var current = type; current is not null; current = current.ContainingType)
            {
                if (current.Arity != 0)
                {
                    return null;
                }

                if (!ReferenceEquals(current, type))
                {
                    name = current.MetadataName + "+" + name;
                }
            }

            var outermost = type;
            while (outermost.ContainingType is not null)
            {
                outermost = outermost.ContainingType;
            }

            var ns = Namespace(outermost.ContainingNamespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        /// <summary>Whether code anywhere in the compilation's assembly can name <paramref name="symbol"/> and its containers.</summary>
        public static bool IsAccessibleFromAssembly(ISymbol symbol)
        {
            for (var current = symbol; current is not null && current is not INamespaceSymbol; current = current.ContainingSymbol)
            {
                switch (current.DeclaredAccessibility)
                {
                    case Accessibility.Public:
                    case Accessibility.Internal:
                    case Accessibility.ProtectedOrInternal:
                        continue;
                    default:
                        return false;
                }
            }

            return true;
        }
    }
}
