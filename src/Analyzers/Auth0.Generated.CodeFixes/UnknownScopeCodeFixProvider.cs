namespace Auth0.Generated.CodeFixes
{
    /// <summary>A0G101: replaces a misspelled scope literal with the catalog scope the analyzer suggested.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownScopeCodeFixProvider)), Shared]
    public sealed class UnknownScopeCodeFixProvider : DiagnosticByDiagnosticCodeFixProvider
    {
        public UnknownScopeCodeFixProvider()
            : base(DiagnosticIds.UnknownScope)
        {
        }

        private protected override void RegisterCodeFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(Descriptors.SuggestionProperty, out var suggestion) || suggestion is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return;
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
