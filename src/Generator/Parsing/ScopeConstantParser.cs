namespace Auth0.Generated.Generator.Parsing
{
    /// <summary>
    /// Scope requirements that name the generated <c>Scopes</c> constants (<c>[RequireScopes(Scopes.ReadMessages)]</c>).
    /// The generator does not see its own output, so such arguments do not bind: they are kept by name
    /// (<see cref="Unresolved"/>) and resolved against the scope catalog with the names <c>ScopesEmitter</c> writes.
    /// </summary>
    internal static class ScopeConstantParser
    {
        private const string ClassName = "Scopes";

        /// <summary>
        /// The arguments of a scope requirement when each is a constant string or an unbound <c>Scopes.Name</c> (with at
        /// least one of those); otherwise null.
        /// </summary>
        public static EquatableArray<ScopeArgument>? Arguments(SemanticModel model, IEnumerable<ExpressionSyntax> expressions, CancellationToken cancellationToken)
        {
            var arguments = new List<ScopeArgument>();
            var anyConstant = false;
            foreach (var expression in expressions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var constant = model.GetConstantValue(expression, cancellationToken);
                if (constant.HasValue)
                {
                    if (constant.Value is not string value)
                    {
                        return null;
                    }

                    arguments.Add(new ScopeArgument(value, null));
                }
                else if (expression is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } access
                    && ClassQualifier(access.Expression) is { } qualifier
                    && model.GetSymbolInfo(expression, cancellationToken).Symbol is null)
                {
                    arguments.Add(new ScopeArgument(name.Identifier.ValueText, qualifier));
                    anyConstant = true;
                }
                else
                {
                    return null;
                }
            }

            return anyConstant ? new EquatableArray<ScopeArgument>(arguments) : null;
        }

        /// <summary>An unresolved requirement, keyed apart from every real key (which never start with <c>\0</c>).</summary>
        public static RequirementSpec Unresolved(RequirementKind kind, EquatableArray<ScopeArgument> arguments)
        {
            var parts = new List<string>(arguments.Count);
            foreach (var argument in arguments)
            {
                parts.Add(argument.IsConstant ? "c" + argument.Qualifier + "\n" + argument.Value : "s" + argument.Value);
            }

            var key = "\0" + RequirementKeyFormat.Values(kind, null, parts);
            return new RequirementSpec(key, kind, null, EquatableArray<string>.Empty, null, null, arguments);
        }

        /// <summary>
        /// Resolves unresolved requirements against the catalog: a name that is not one of the emitted constants (or a
        /// qualifier that is not the catalog's namespace) drops the requirement, which the runtime then checks itself.
        /// </summary>
        public static EquatableArray<RequirementSpec> Resolve(EquatableArray<RequirementSpec> requirements, ScopesSpec catalog)
        {
            var anyUnresolved = false;
            foreach (var requirement in requirements)
            {
                anyUnresolved |= requirement.IsUnresolved;
            }

            if (!anyUnresolved)
            {
                return requirements;
            }

            var names = ScopeCatalogParser.Identifiers(catalog.Scopes);
            var valueByName = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                valueByName.Add(names[i], catalog.Scopes[i].Value);
            }

            var resolved = new List<RequirementSpec>(requirements.Count);
            foreach (var requirement in requirements)
            {
                if (!requirement.IsUnresolved)
                {
                    resolved.Add(requirement);
                }
                else if (Values(requirement.ScopeArguments, catalog.Namespace, valueByName) is { } values
                    && RequirementParser.List(requirement.Kind, null, values) is { } spec)
                {
                    resolved.Add(spec);
                }
            }

            return RequirementParser.Distinct(resolved);
        }

        private static List<string>? Values(EquatableArray<ScopeArgument> arguments, string ns, Dictionary<string, string> valueByName)
        {
            var values = new List<string>(arguments.Count);
            foreach (var argument in arguments)
            {
                if (!argument.IsConstant)
                {
                    values.Add(argument.Value);
                }
                else if (NamesNamespace(argument.Qualifier!, ns) && valueByName.TryGetValue(argument.Value, out var value))
                {
                    values.Add(value);
                }
                else
                {
                    return null;
                }
            }

            return values;
        }

        /// <summary>
        /// <c>Scopes</c> (from a using or the namespace itself), <c>global::Ns.Scopes</c>, or <c>Ns.Scopes</c> where
        /// <c>Ns</c> is the namespace or a trailing part of it (written inside an enclosing namespace).
        /// </summary>
        private static bool NamesNamespace(string qualifier, string ns)
        {
            if (qualifier.Length == 0)
            {
                return true;
            }

            const string Global = "global::";
            if (qualifier.StartsWith(Global, StringComparison.Ordinal))
            {
                return string.Equals(qualifier.Substring(Global.Length), ns, StringComparison.Ordinal);
            }

            return string.Equals(qualifier, ns, StringComparison.Ordinal) || ns.EndsWith("." + qualifier, StringComparison.Ordinal);
        }

        /// <summary>For <c>Scopes</c>, <c>A.B.Scopes</c> or <c>global::A.B.Scopes</c>: what precedes <c>Scopes</c>; otherwise null.</summary>
        private static string? ClassQualifier(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax { Identifier.ValueText: ClassName } => string.Empty,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax { Identifier.ValueText: ClassName } } access
                => NamespaceText(access.Expression),
            _ => null,
        };

        private static string? NamespaceText(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global", Name: IdentifierNameSyntax name } => "global::" + name.Identifier.ValueText,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } access
                => NamespaceText(access.Expression) is { } left ? left + "." + name.Identifier.ValueText : null,
            _ => null,
        };
    }
}
