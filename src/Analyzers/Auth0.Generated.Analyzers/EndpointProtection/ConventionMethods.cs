using System.Collections.Concurrent;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// What a method of the user's own does to a builder passed to it (<c>builder.Secured()</c>, <c>api.MapOrders()</c>,
    /// <c>Configure(group)</c>), read syntactically from its source once per compilation: the calls chained on that
    /// parameter. <c>RequireAuthorization</c>, <c>AllowAnonymous</c> or one of our conventions count; <c>Map*</c> calls map
    /// children (or call another module) and leave the builder as it is; framework conventions known not to touch
    /// authorization are neutral; anything else, the parameter passed on or stored, or a method without source, is unknown.
    /// </summary>
    internal sealed class ConventionMethods
    {
        private static readonly ImmutableArray<string> NeutralConventionPrefixes = ImmutableArray.Create(
            "With", "Produces", "Accepts", "Add", "Cache", "Disable", "Exclude", "Short", "RequireCors", "RequireRateLimiting", "RequireHost", "Has", "Report");

        private readonly ConcurrentDictionary<(IMethodSymbol, int), Effect> _effects = new ConcurrentDictionary<(IMethodSymbol, int), Effect>();
        private readonly ConcurrentDictionary<INamespaceSymbol, string> _namespaces = new ConcurrentDictionary<INamespaceSymbol, string>(SymbolEqualityComparer.Default);

        /// <summary>Whether a method is declared in source (in this compilation), so its body can be read and its call sites found.</summary>
        public static bool IsInSource(IMethodSymbol method) => !MapCalls.Definition(method).DeclaringSyntaxReferences.IsEmpty;

        /// <summary>The method's namespace as text, formatted once per namespace (conventions are looked up for every call on a builder).</summary>
        public string NamespaceOf(IMethodSymbol method)
            => method.ContainingNamespace is { } ns ? _namespaces.GetOrAdd(ns, n => n.ToDisplayString()) : string.Empty;

        public Effect EffectOn(IMethodSymbol method, int ordinal)
        {
            method = MapCalls.Definition(method);
            return _effects.GetOrAdd((method, ordinal), key => Compute(key.Item1, key.Item2));
        }

        private static Effect Compute(IMethodSymbol method, int ordinal)
        {
            if (method.DeclaringSyntaxReferences.IsEmpty || ordinal >= method.Parameters.Length)
            {
                return new Effect(unknown: true);
            }

            var name = method.Parameters[ordinal].Name;
            var effect = new Effect(unknown: false);
            var returnsOther = false;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var body = reference.GetSyntax() switch
                {
                    BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                    LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                    _ => null,
                };
                if (body is null)
                {
                    return new Effect(unknown: true);
                }

                foreach (var node in body.DescendantNodesAndSelf())
                {
                    switch (node)
                    {
                        case IdentifierNameSyntax identifier when identifier.Identifier.ValueText == name && !IsMemberName(identifier):
                            Classify(identifier, effect);
                            break;
                        case ReturnStatementSyntax { Expression: { } returned } when !IsParameterChain(returned, name) && !InsideNestedFunction(node, body):
                            returnsOther = true;
                            break;
                    }
                }

                returnsOther |= body is ArrowExpressionClauseSyntax arrow && !method.ReturnsVoid && !IsParameterChain(arrow.Expression, name);
            }

            effect.ReturnsParameter &= !returnsOther;
            return effect;
        }

        /// <summary>One read of the parameter: the conventions chained on it, and where the chain ends.</summary>
        private static void Classify(IdentifierNameSyntax identifier, Effect effect)
        {
            SyntaxNode current = identifier;
            while (true)
            {
                var parent = current.Parent;
                while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
                {
                    current = parent;
                    parent = current.Parent;
                }

                switch (parent)
                {
                    case MemberAccessExpressionSyntax member when member.Expression == current:
                        if (member.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != member)
                        {
                            return; // a property read
                        }

                        var name = member.Name.Identifier.ValueText;
                        if (name.StartsWith("Map", StringComparison.Ordinal))
                        {
                            return; // a child endpoint or group, or another module mapping on it
                        }

                        if (name == "RequireAuthorization" || Requirement.ConventionNames.ContainsKey(name))
                        {
                            effect.Protects = true;
                        }
                        else if (name == "AllowAnonymous")
                        {
                            effect.AllowsAnonymous = true;
                        }
                        else if (name is "Add" or "Finally" or "WithMetadata" || !IsNeutralName(name))
                        {
                            effect.Unknown = true;
                            return;
                        }

                        current = invocation;
                        continue;
                    case ReturnStatementSyntax:
                    case ArrowExpressionClauseSyntax:
                        effect.ReturnsParameter = true;
                        return;
                    case ExpressionStatementSyntax:
                        return;
                    default:
                        effect.Unknown = true; // passed on, stored, compared: not followed
                        return;
                }
            }
        }

        /// <summary>The parameter itself, or a chain of calls on it none of which maps a child (they return the same builder).</summary>
        private static bool IsParameterChain(ExpressionSyntax expression, string name)
        {
            while (true)
            {
                switch (expression)
                {
                    case IdentifierNameSyntax identifier:
                        return identifier.Identifier.ValueText == name;
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                        when !member.Name.Identifier.ValueText.StartsWith("Map", StringComparison.Ordinal):
                        expression = member.Expression;
                        continue;
                    default:
                        return false;
                }
            }
        }

        private static bool IsMemberName(IdentifierNameSyntax identifier)
            => identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier
                || identifier.Parent is MemberBindingExpressionSyntax
                || identifier.Parent is NameColonSyntax;

        private static bool InsideNestedFunction(SyntaxNode node, SyntaxNode body)
        {
            for (var current = node.Parent; current is not null && current != body; current = current.Parent)
            {
                if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNeutralName(string name)
        {
            foreach (var prefix in NeutralConventionPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What the method does to the builder passed as one of its parameters.</summary>
        internal sealed class Effect
        {
            public Effect(bool unknown) => Unknown = unknown;

            public bool Protects { get; set; }

            public bool AllowsAnonymous { get; set; }

            public bool Unknown { get; set; }

            /// <summary>Every return gives back that same builder (conventions chained on the call's result apply to it).</summary>
            public bool ReturnsParameter { get; set; }
        }
    }
}
