using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Auth0.Generated.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0.Generated.CodeFixes
{
    /// <summary>A0G101: replaces a misspelled scope literal with the catalog scope the analyzer suggested.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownScopeCodeFixProvider)), Shared]
    public sealed class UnknownScopeCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownScope);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(Descriptors.SuggestionProperty, out var suggestion) || suggestion is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    continue;
                }

                var title = "Replace with '" + suggestion + "'";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ =>
                        {
                            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion))
                                .WithTriviaFrom(literal);
                            return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
                        },
                        equivalenceKey: DiagnosticIds.UnknownScope),
                    diagnostic);
            }
        }
    }
}
