namespace Auth0.Generated.Generator.Parsing
{
    /// <summary>
    /// The generator's one syntax scan: attribute lists naming one of the runtime's attributes (<c>[Auth0Token]</c>,
    /// <c>[assembly: ApiScope]</c>, every requirement attribute of <see cref="RequirementKinds"/>) and calls of the
    /// endpoint conventions. The predicate matches names only; the transform binds and keeps what really is ours.
    /// </summary>
    /// <remarks>
    /// One <c>CreateSyntaxProvider</c> instead of one <c>ForAttributeWithMetadataName</c> per attribute: each FAWMN walks
    /// every file that holds any attribute list, so a project paid about ten walks of its sources per build even when it
    /// used none of our attributes (docs/generator.md, "The pipeline", has the measurements). The names are matched as
    /// FAWMN matches them, with and without the <c>Attribute</c> suffix, qualified or not, and through a <c>using</c> alias
    /// declared in the same file (in its compilation unit or an enclosing namespace, <c>global using</c> included). A
    /// <c>global using</c> alias declared in another file is seen on partial classes and assembly attributes, where every
    /// attribute list is bound (tokens, scopes), but not on requirements, which then run the runtime's interpreted check
    /// (same answers, slower).
    /// </remarks>
    internal static class DeclarationParser
    {
        private const string Suffix = "Attribute";

        /// <summary>The simple names our attributes can be written with: <c>RequireScopes</c> and <c>RequireScopesAttribute</c>.</summary>
        private static readonly HashSet<string> AttributeNames = BuildAttributeNames();

        /// <summary>The metadata name (<c>RequireScopesAttribute</c>) of each attribute in namespace <c>Auth0.Generated</c> we read.</summary>
        private static readonly Dictionary<string, Target> ByMetadataName = BuildTargets();

        /// <summary>The cheap syntactic filter, run on every node of every changed file.</summary>
        public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
            => node is AttributeListSyntax list ? NamesOurs(list) : ConventionParser.IsCandidate(node, cancellationToken);

        public static DeclarationSpec? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.Node is not AttributeListSyntax list)
            {
                return ConventionParser.Parse(context, cancellationToken) is { } convention
                    ? new DeclarationSpec(null, new EquatableArray<RequirementSpec>(new[] { convention }), EquatableArray<ScopeSpec>.Empty)
                    : null;
            }

            TokenSpec? token = null;
            List<RequirementSpec>? requirements = null;
            List<ScopeSpec>? scopes = null;
            foreach (var target in Targets(list))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (SymbolOf(target, context.SemanticModel, cancellationToken) is not { } symbol)
                {
                    continue;
                }

                foreach (var attribute in AppliedIn(list, symbol))
                {
                    switch (TargetOf(attribute))
                    {
                        case { Token: true } when target is ClassDeclarationSyntax declaration && symbol is INamedTypeSymbol type
                                                  && IsFirstTokenAttributeOf(declaration, type, attribute):
                            token = TokenParser.Parse(type, cancellationToken);
                            break;
                        case { Scope: true } when target is CompilationUnitSyntax:
                            if (ScopeCatalogParser.FromAttribute(attribute) is { } scope)
                            {
                                (scopes ??= new List<ScopeSpec>()).Add(scope);
                            }

                            break;
                        case { Kind: { } kind }:
                            if (RequirementParser.FromAttribute(attribute, kind, context.SemanticModel, cancellationToken) is { } requirement)
                            {
                                (requirements ??= new List<RequirementSpec>()).Add(requirement);
                            }

                            break;
                    }
                }
            }

            return token is null && requirements is null && scopes is null
                ? null
                : new DeclarationSpec(
                    token,
                    requirements is null ? EquatableArray<RequirementSpec>.Empty : new EquatableArray<RequirementSpec>(requirements),
                    scopes is null ? EquatableArray<ScopeSpec>.Empty : new EquatableArray<ScopeSpec>(scopes));
        }

        private static bool NamesOurs(AttributeListSyntax list)
        {
            // A `global using` alias declared in another file cannot be seen from here. Where a missed attribute would
            // break the build (a partial class's [Auth0Token] left uncompleted) or the user's code ([assembly: ApiScope]
            // constants it names), any attribute list is bound and the transform decides: partial classes and assembly
            // attributes are few, so this costs little.
            if (list.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) == true
                || (list.Parent is ClassDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                return true;
            }

            foreach (var attribute in list.Attributes)
            {
                var name = SimpleName(attribute.Name);
                if (AttributeNames.Contains(name)
                    || (attribute.Name is IdentifierNameSyntax && IsAliasInScope(list, name)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The rightmost identifier: <c>RequireScopes</c> in <c>Auth0.Generated.RequireScopes</c> or <c>global::X.RequireScopes</c>.</summary>
        private static string SimpleName(NameSyntax name) => name switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            _ => string.Empty,
        };

        /// <summary>
        /// Whether a <c>using</c> alias of this name (or this name plus <c>Attribute</c>) is declared in the file around the
        /// attribute. Any alias qualifies, whatever it names (an alias can name another alias): the transform decides.
        /// </summary>
        private static bool IsAliasInScope(SyntaxNode node, string name)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                var usings = current switch
                {
                    CompilationUnitSyntax unit => unit.Usings,
                    BaseNamespaceDeclarationSyntax ns => ns.Usings,
                    _ => default,
                };

                foreach (var directive in usings)
                {
                    if (directive.Alias?.Name.Identifier.ValueText is { } alias
                        && (alias == name || (alias.Length == name.Length + Suffix.Length && alias.StartsWith(name, StringComparison.Ordinal) && alias.EndsWith(Suffix, StringComparison.Ordinal))))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>What an attribute list applies to, as FAWMN reports it: each variable of a field or event declaration.</summary>
        private static IEnumerable<SyntaxNode> Targets(AttributeListSyntax list)
        {
            switch (list.Parent)
            {
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        yield return variable;
                    }

                    break;
                case { } parent:
                    yield return parent;
                    break;
            }
        }

        private static ISymbol? SymbolOf(SyntaxNode target, SemanticModel model, CancellationToken cancellationToken) => target switch
        {
            CompilationUnitSyntax => model.Compilation.Assembly,
            LambdaExpressionSyntax lambda => model.GetSymbolInfo(lambda, cancellationToken).Symbol,
            _ => model.GetDeclaredSymbol(target, cancellationToken),
        };

        /// <summary>The attributes written in this list, in source order: the symbol's (and its return value's, or its modules').</summary>
        private static IEnumerable<AttributeData> AppliedIn(AttributeListSyntax list, ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (IsIn(list, attribute))
                {
                    yield return attribute;
                }
            }

            if (symbol is IMethodSymbol method)
            {
                foreach (var attribute in method.GetReturnTypeAttributes())
                {
                    if (IsIn(list, attribute))
                    {
                        yield return attribute;
                    }
                }
            }
            else if (symbol is IAssemblySymbol assembly)
            {
                foreach (var module in assembly.Modules)
                {
                    foreach (var attribute in module.GetAttributes())
                    {
                        if (IsIn(list, attribute))
                        {
                            yield return attribute;
                        }
                    }
                }
            }
        }

        private static bool IsIn(SyntaxNode node, AttributeData attribute)
            => attribute.ApplicationSyntaxReference is { } reference
               && reference.SyntaxTree == node.SyntaxTree
               && node.Span.Contains(reference.Span);

        /// <summary>
        /// One token per class declaration, as FAWMN reported it: a second <c>[Auth0Token]</c> on the same declaration (an
        /// error the compiler reports) adds nothing.
        /// </summary>
        private static bool IsFirstTokenAttributeOf(ClassDeclarationSyntax declaration, INamedTypeSymbol type, AttributeData attribute)
        {
            foreach (var candidate in type.GetAttributes())
            {
                if (IsIn(declaration, candidate) && TargetOf(candidate) is { Token: true })
                {
                    return ReferenceEquals(candidate, attribute);
                }
            }

            return false;
        }

        private static Target? TargetOf(AttributeData attribute)
            => attribute.AttributeClass is { ContainingType: null } type
               && ByMetadataName.TryGetValue(type.MetadataName, out var target)
               && Names.Namespace(type.ContainingNamespace) == WellKnownNames.RuntimeNamespace
                ? target
                : null;

        private static HashSet<string> BuildAttributeNames()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var metadataName in BuildTargets().Keys)
            {
                names.Add(metadataName);
                names.Add(metadataName.Substring(0, metadataName.Length - Suffix.Length));
            }

            return names;
        }

        private static Dictionary<string, Target> BuildTargets()
        {
            var targets = new Dictionary<string, Target>(StringComparer.Ordinal)
            {
                [LastPart(WellKnownNames.Auth0TokenAttribute)] = new Target(Token: true, Scope: false, Kind: null),
                [LastPart(WellKnownNames.ApiScopeAttribute)] = new Target(Token: false, Scope: true, Kind: null),
            };
            foreach (var info in RequirementKinds.All)
            {
                targets.Add(LastPart(info.AttributeMetadataName), new Target(Token: false, Scope: false, Kind: info.Kind));
            }

            return targets;
        }

        private static string LastPart(string metadataName) => metadataName.Substring(metadataName.LastIndexOf('.') + 1);

        /// <summary>What one of our attributes declares.</summary>
        private sealed record Target(bool Token, bool Scope, RequirementKind? Kind);
    }
}
