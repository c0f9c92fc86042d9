using System.Linq;

namespace Auth0.Generated.Analyzers
{
    /// <summary>A claim the token knows: declared on the [Auth0Token] type, or registered (always present on AccessToken).</summary>
    internal readonly struct KnownClaim(ClaimKind kind, string typeDisplay, bool flexibleList, INamedTypeSymbol? enumType)
    {
        public ClaimKind Kind { get; } = kind;

        public string TypeDisplay { get; } = typeDisplay;

        /// <summary>Registered list claims (aud, scope, permissions) often arrive as one string: both shapes are fine.</summary>
        public bool FlexibleList { get; } = flexibleList;

        public INamedTypeSymbol? EnumType { get; } = enumType;
    }

    /// <summary>The claims of the compilation's [Auth0Token] type(s), found once per compilation.</summary>
    internal sealed class TokenModel
    {
        private static readonly KeyValuePair<string, KnownClaim>[] Registered =
        {
            Reg("sub", ClaimKind.String, "string"),
            Reg("iss", ClaimKind.String, "string"),
            Reg("aud", ClaimKind.StringList, "a list", flexible: true),
            Reg("exp", ClaimKind.NumericDate, "a NumericDate"),
            Reg("iat", ClaimKind.NumericDate, "a NumericDate"),
            Reg("nbf", ClaimKind.NumericDate, "a NumericDate"),
            Reg("scope", ClaimKind.StringList, "a list", flexible: true),
            Reg("permissions", ClaimKind.StringList, "a list", flexible: true),
            Reg("client_id", ClaimKind.String, "string"),
            Reg("azp", ClaimKind.String, "string"),
            Reg("jti", ClaimKind.String, "string"),
        };

        private TokenModel(string? tokenName, Dictionary<string, KnownClaim> claims)
        {
            TokenName = tokenName;
            Claims = claims;
        }

        /// <summary>The token type's name, or null when the compilation declares no [Auth0Token] type (claim rules are off).</summary>
        public string? TokenName { get; }

        public IReadOnlyDictionary<string, KnownClaim> Claims { get; }

        public static TokenModel Build(Compilation compilation, KnownTypes known, System.Threading.CancellationToken cancellationToken)
        {
            var claims = new Dictionary<string, KnownClaim>(System.StringComparer.Ordinal);
            foreach (var registered in Registered)
            {
                claims[registered.Key] = registered.Value;
            }

            string? tokenName = null;
            foreach (var token in FindTokens(compilation, known, cancellationToken))
            {
                tokenName ??= token.Name;
                foreach (var member in token.GetMembers())
                {
                    if (member is not IPropertySymbol property || property.IsStatic || !IsClaimProperty(property, known, out var claimName))
                    {
                        continue;
                    }

                    var kind = ClaimTypes.Classify(property.Type, out _);
                    var enumType = kind == ClaimKind.StringEnum ? UnwrapNullable(property.Type) as INamedTypeSymbol : null;
                    claims[claimName] = new KnownClaim(kind, property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), false, enumType);
                }
            }

            return new TokenModel(tokenName, claims);
        }

        /// <summary>
        /// A claim property: a non-static property with [Claim], or a partial property (named after its claim).
        /// </summary>
        public static bool IsClaimProperty(IPropertySymbol property, KnownTypes known, out string claimName)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (KnownTypes.Eq(attribute.AttributeClass, known.Claim)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string name)
                {
                    claimName = name;
                    return true;
                }
            }

            claimName = ClaimTypes.DefaultClaimName(property.Name);
            return IsPartial(property);
        }

        public static bool IsPartial(IPropertySymbol property)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is PropertyDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool HasTokenAttribute(INamedTypeSymbol type, KnownTypes known)
            => type.GetAttributes().Any(a => KnownTypes.Eq(a.AttributeClass, known.Auth0Token));

        private static ITypeSymbol UnwrapNullable(ITypeSymbol type)
            => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        /// <summary>
        /// Finds [Auth0Token] classes without a semantic model per tree: a syntactic pass collects the names of classes
        /// with an attribute spelled Auth0Token, then the symbols of those names are checked.
        /// </summary>
        private static IEnumerable<INamedTypeSymbol> FindTokens(Compilation compilation, KnownTypes known, System.Threading.CancellationToken cancellationToken)
        {
            if (known.Auth0Token is null)
            {
                yield break;
            }

            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var root = tree.GetRoot(cancellationToken);
                foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax || n is TypeDeclarationSyntax))
                {
                    if (node is ClassDeclarationSyntax declaration && HasAttributeNamed(declaration.AttributeLists, "Auth0Token"))
                    {
                        names.Add(declaration.Identifier.ValueText);
                    }
                }
            }

            if (names.Count == 0)
            {
                yield break;
            }

            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var symbol in compilation.GetSymbolsWithName(names.Contains, SymbolFilter.Type, cancellationToken))
            {
                if (symbol is INamedTypeSymbol type && seen.Add(type) && HasTokenAttribute(type, known))
                {
                    yield return type;
                }
            }
        }

        public static bool HasAttributeNamed(SyntaxList<AttributeListSyntax> lists, string shortName)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = SyntaxHelpers.NameOf(attribute.Name);
                    if (name == shortName || name == shortName + "Attribute")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static KeyValuePair<string, KnownClaim> Reg(string name, ClaimKind kind, string display, bool flexible = false)
            => new KeyValuePair<string, KnownClaim>(name, new KnownClaim(kind, display, flexible, null));
    }
}
