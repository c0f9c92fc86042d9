using Microsoft.CodeAnalysis.Operations;

namespace Auth0.Generated.Generator.Parsing
{
    /// <summary>
    /// Reads calls of the runtime's endpoint conventions (<c>.RequireScopes("a")</c> and friends, extension methods in
    /// namespace <c>Auth0.Generated</c>) whose arguments are constants. Anything else is left to the runtime's path.
    /// </summary>
    internal static class ConventionParser
    {
        /// <summary>The cheap syntactic filter: a member call named like one of the conventions.</summary>
        public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
            => node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } }
               && KindOf(name) is not null;

        public static RequirementSpec? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.SemanticModel.GetOperation(context.Node, cancellationToken) is not IInvocationOperation invocation)
            {
                return FromScopeConstants(context, cancellationToken);
            }

            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            if (!IsConvention(method, out var kind))
            {
                return null;
            }

            // Arguments in parameter order, without the `this` builder.
            var arguments = new IOperation?[method.Parameters.Length];
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Ordinal < arguments.Length)
                {
                    arguments[parameter.Ordinal] = argument.Value;
                }
            }

            switch (RequirementKinds.Get(kind).Arguments)
            {
                case RequirementArguments.Values:
                    return arguments.Length == 2 && Strings(arguments[1]) is { } values
                        ? RequirementParser.List(kind, null, values)
                        : RequirementKinds.Get(kind).IsScope ? FromScopeConstants(context, cancellationToken) : null;
                case RequirementArguments.ClaimAndValues:
                    return arguments.Length == 3 && Constant(arguments[1]) is string claim && Strings(arguments[2]) is { } included
                        ? RequirementParser.List(kind, claim, included)
                        : null;
                case RequirementArguments.ClaimAndValue:
                    return arguments.Length == 3 && Constant(arguments[1]) is string equalsClaim
                        ? RequirementParser.EqualsSpec(equalsClaim, ClaimTypes.EqualsValueKind(method.Parameters[2].Type), Constant(arguments[2]))
                        : null;
                default:
                    return null;
            }
        }

        private static bool IsConvention(IMethodSymbol method, out RequirementKind kind)
        {
            kind = default;
            if (!method.IsExtensionMethod
                || KindOf(method.Name) is not { } found
                || Names.Namespace(method.ContainingNamespace) != WellKnownNames.RuntimeNamespace)
            {
                return false;
            }

            kind = found;
            return true;
        }

        /// <summary>
        /// A scope convention naming generated <c>Scopes</c> constants (<c>.RequireScopes(Scopes.ReadMessages)</c>): they do
        /// not bind while the generator runs, so the call is read from its syntax and the method from the binder's candidates.
        /// </summary>
        private static RequirementSpec? FromScopeConstants(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            var node = (InvocationExpressionSyntax)context.Node;
            var info = context.SemanticModel.GetSymbolInfo(node, cancellationToken);
            var candidate = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            if (candidate is not IMethodSymbol called
                || !IsConvention(called.ReducedFrom ?? called, out var kind)
                || !RequirementKinds.Get(kind).IsScope)
            {
                return null;
            }

            // Reduced (`builder.RequireScopes(...)`): every argument is a scope; the static form passes the builder first.
            var skip = called.MethodKind == MethodKind.ReducedExtension ? 0 : 1;
            var expressions = new List<ExpressionSyntax>();
            foreach (var argument in node.ArgumentList.Arguments)
            {
                if (argument.NameColon is not null || argument.RefKindKeyword.RawKind != 0)
                {
                    return null;
                }

                if (skip-- <= 0)
                {
                    expressions.Add(argument.Expression);
                }
            }

            return ScopeConstantParser.Arguments(context.SemanticModel, expressions, cancellationToken) is { } arguments
                ? ScopeConstantParser.Unresolved(kind, arguments)
                : null;
        }

        /// <summary>The kind of a convention whose arguments are the attribute's constants (not <c>RequireClaimCheck</c>'s delegate).</summary>
        private static RequirementKind? KindOf(string name)
            => RequirementKinds.ByConventionName(name) is { ConventionTakesAttributeArguments: true } info ? info.Kind : null;

        private static object? Constant(IOperation? operation)
            => operation is { ConstantValue.HasValue: true } ? operation.ConstantValue.Value : null;

        /// <summary>The elements of a <c>params string[]</c> argument (expanded or an array creation), when all are constant strings.</summary>
        private static List<string>? Strings(IOperation? operation)
        {
            if (operation is not IArrayCreationOperation { Initializer: { } initializer })
            {
                return null;
            }

            var values = new List<string>(initializer.ElementValues.Length);
            foreach (var element in initializer.ElementValues)
            {
                if (Constant(element) is not string s)
                {
                    return null;
                }

                values.Add(s);
            }

            return values;
        }
    }
}
