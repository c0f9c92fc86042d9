using System;
using System.Linq;
using Microsoft.CodeAnalysis.Formatting;

namespace Auth0.Generated.CodeFixes
{
    /// <summary>
    /// A0G001: protects the endpoint (<c>.RequireAuthorization()</c> on a minimal API endpoint, <c>[Authorize]</c> on a
    /// controller action) or declares it public on purpose (<c>.AllowAnonymous()</c> / <c>[AllowAnonymous]</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnprotectedRouteCodeFixProvider)), Shared]
    public sealed class UnprotectedRouteCodeFixProvider : DiagnosticByDiagnosticCodeFixProvider
    {
        private const string AuthorizationNamespace = "Microsoft.AspNetCore.Authorization";

        public UnprotectedRouteCodeFixProvider()
            : base(DiagnosticIds.UnprotectedRoute)
        {
        }

        private protected override void RegisterCodeFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(Descriptors.EndpointKindProperty, out var kind);
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (kind == EndpointKinds.MinimalApi
                && node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: MemberAccessExpressionSyntax member } invocation
                && member.Name.Span == diagnostic.Location.SourceSpan)
            {
                Register(context, diagnostic, "Add .RequireAuthorization()", "RequireAuthorization", ct => Chain(context.Document, root, invocation, "RequireAuthorization"));
                Register(context, diagnostic, "Add .AllowAnonymous() (public on purpose)", "AllowAnonymous", ct => Chain(context.Document, root, invocation, "AllowAnonymous"));
            }
            else if (kind == EndpointKinds.ControllerAction && node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
            {
                Register(context, diagnostic, "Add [Authorize]", "Authorize", ct => AddAttribute(context.Document, root, method, "Authorize"));
                Register(context, diagnostic, "Add [AllowAnonymous] (public on purpose)", "AllowAnonymous", ct => AddAttribute(context.Document, root, method, "AllowAnonymous"));
            }
        }

        private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, string key, Func<CancellationToken, Task<Document>> create)
            => context.RegisterCodeFix(CodeAction.Create(title, create, equivalenceKey: DiagnosticIds.UnprotectedRoute + "." + key), diagnostic);

        private static Task<Document> Chain(Document document, SyntaxNode root, InvocationExpressionSyntax invocation, string method)
        {
            var chained = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        invocation.WithoutTrailingTrivia(),
                        SyntaxFactory.IdentifierName(method)))
                .WithTrailingTrivia(invocation.GetTrailingTrivia());
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(invocation, chained)));
        }

        private static Task<Document> AddAttribute(Document document, SyntaxNode root, MethodDeclarationSyntax method, string attribute)
        {
            var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(attribute))));
            MethodDeclarationSyntax updated;
            if (method.AttributeLists.Count == 0)
            {
                var leading = method.GetLeadingTrivia();
                var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                updated = method
                    .WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList())
                    .AddAttributeLists(list.WithLeadingTrivia(leading).WithTrailingTrivia(EndOfLine(root)));
            }
            else
            {
                updated = method.AddAttributeLists(list.WithAdditionalAnnotations(Formatter.Annotation));
            }

            var newRoot = root.ReplaceNode(method, updated);
            if (newRoot is CompilationUnitSyntax unit && !HasUsing(unit, method))
            {
                newRoot = AddUsing(unit, EndOfLine(root));
            }

            return Task.FromResult(document.WithSyntaxRoot(newRoot));
        }

        private static bool HasUsing(CompilationUnitSyntax unit, SyntaxNode inside)
        {
            if (unit.Usings.Any(IsAuthorizationUsing))
            {
                return true;
            }

            foreach (var ns in inside.Ancestors().OfType<BaseNamespaceDeclarationSyntax>())
            {
                if (ns.Usings.Any(IsAuthorizationUsing))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAuthorizationUsing(UsingDirectiveSyntax directive)
            => directive.Alias is null && directive.Name?.ToString() == AuthorizationNamespace;

        /// <summary>The document's own line ending (the first one it uses), so a fix never mixes CRLF into an LF file.</summary>
        private static SyntaxTrivia EndOfLine(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.LineFeed;
        }

        private static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, SyntaxTrivia endOfLine)
        {
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(AuthorizationNamespace));
            var index = 0;
            while (index < unit.Usings.Count
                && unit.Usings[index].StaticKeyword.IsKind(SyntaxKind.None)
                && unit.Usings[index].Alias is null
                && string.CompareOrdinal(unit.Usings[index].Name?.ToString(), AuthorizationNamespace) < 0)
            {
                index++;
            }

            if (unit.Usings.Count == 0)
            {
                return unit.WithUsings(SyntaxFactory.SingletonList(directive.WithTrailingTrivia(endOfLine, endOfLine)));
            }

            return unit.WithUsings(unit.Usings.Insert(index, directive.WithTrailingTrivia(endOfLine)));
        }
    }
}
