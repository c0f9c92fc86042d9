using System.Threading;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// Project-wide facts that protect every endpoint, found once per compilation by a syntactic pass over the trees
    /// whose text mentions them (no semantic model of other trees is needed):
    /// an authorization fallback policy (<c>o.FallbackPolicy = ...</c>, <c>.SetFallbackPolicy(...)</c>,
    /// <c>.AddFallbackPolicy("name", ...)</c>, with anything but a <c>null</c> literal), and for controllers a global <c>AuthorizeFilter</c> or <c>MapControllers()</c> (and friends)
    /// whose result is chained into <c>RequireAuthorization()</c> or used in any way the analyzer does not follow.
    /// Syntactic on purpose: a false "protected" only silences a warning (precision over recall).
    /// </summary>
    internal sealed class ProjectFacts
    {
        private readonly Lazy<(bool Fallback, bool Controllers, bool Mvc)> _facts;

        public ProjectFacts(Compilation compilation)
            => _facts = new Lazy<(bool, bool, bool)>(() => Scan(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

        public bool HasFallbackPolicy => _facts.Value.Fallback;

        public bool ControllersProtected => _facts.Value.Fallback || _facts.Value.Controllers;

        /// <summary>The project registers or maps MVC controllers (so MVC discovers classes by their "Controller" suffix).</summary>
        public bool UsesMvc => _facts.Value.Mvc;

        private static (bool, bool, bool) Scan(Compilation compilation)
        {
            var fallback = false;
            var controllers = false;
            var mvc = false;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = tree.GetText().ToString();
                mvc |= text.IndexOf("AddControllers", StringComparison.Ordinal) >= 0
                    || text.IndexOf("AddMvc", StringComparison.Ordinal) >= 0
                    || text.IndexOf("MapControllers", StringComparison.Ordinal) >= 0
                    || text.IndexOf("ControllerRoute", StringComparison.Ordinal) >= 0;
                var mentionsFallback = text.IndexOf("FallbackPolicy", StringComparison.Ordinal) >= 0;
                var mentionsControllers = text.IndexOf("AuthorizeFilter", StringComparison.Ordinal) >= 0
                    || text.IndexOf("MapControllers", StringComparison.Ordinal) >= 0
                    || text.IndexOf("ControllerRoute", StringComparison.Ordinal) >= 0;
                if (!mentionsFallback && !mentionsControllers)
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment when mentionsFallback
                            && SyntaxHelpers.NameOf(assignment.Left) == "FallbackPolicy"
                            && !assignment.Right.IsKind(SyntaxKind.NullLiteralExpression):
                            fallback = true;
                            break;
                        case InvocationExpressionSyntax invocation:
                            var name = SyntaxHelpers.NameOf(invocation.Expression);
                            if (mentionsFallback && IsFallbackPolicyCall(name, invocation.ArgumentList.Arguments))
                            {
                                fallback = true;
                            }
                            else if (mentionsControllers && name is "MapControllers" or "MapControllerRoute" or "MapDefaultControllerRoute" or "MapAreaControllerRoute"
                                && ControllerConventionsMayProtect(invocation))
                            {
                                controllers = true;
                            }

                            break;
                        case ObjectCreationExpressionSyntax creation when mentionsControllers && SyntaxHelpers.NameOf(creation.Type) == "AuthorizeFilter":
                            controllers = true;
                            break;
                    }
                }
            }

            return (fallback, controllers, mvc);
        }

        /// <summary>
        /// <c>SetFallbackPolicy(policy)</c> and <c>AddFallbackPolicy("name", policy or builder =&gt; ...)</c> (the
        /// AuthorizationBuilder's), with anything but a <c>null</c> policy. <c>SetDefaultPolicy</c>/<c>AddDefaultPolicy</c>
        /// are not fallbacks: the default policy applies only to endpoints that ask for authorization.
        /// </summary>
        private static bool IsFallbackPolicyCall(string? name, SeparatedSyntaxList<ArgumentSyntax> arguments)
            => (name == "SetFallbackPolicy" && arguments.Count == 1 && !arguments[0].Expression.IsKind(SyntaxKind.NullLiteralExpression))
                || (name == "AddFallbackPolicy" && arguments.Count == 2 && !arguments[1].Expression.IsKind(SyntaxKind.NullLiteralExpression));

        /// <summary>True unless the call is a plain statement or a chain of calls none of which is about authorization.</summary>
        private static bool ControllerConventionsMayProtect(InvocationExpressionSyntax invocation)
        {
            SyntaxNode current = invocation;
            while (current.Parent is MemberAccessExpressionSyntax member && member.Expression == current && member.Parent is InvocationExpressionSyntax next)
            {
                var name = member.Name.Identifier.ValueText;
                if (name is "RequireAuthorization" or "AllowAnonymous" || Requirement.ConventionNames.ContainsKey(name))
                {
                    return true;
                }

                current = next;
            }

            // A plain statement (or the body of a void method) adds nothing; any other use may add protection elsewhere.
            return current.Parent is not ExpressionStatementSyntax
                && !(current.Parent is ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax { ReturnType: PredefinedTypeSyntax returnType } }
                    && returnType.Keyword.IsKind(SyntaxKind.VoidKeyword));
        }
    }
}
