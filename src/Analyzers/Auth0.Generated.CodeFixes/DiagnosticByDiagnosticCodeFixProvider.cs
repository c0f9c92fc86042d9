namespace Auth0.Generated.CodeFixes
{
    /// <summary>
    /// A code fix for one diagnostic id whose fixes edit the diagnostic's own document, so fix-all batches them: the
    /// document's syntax root is read once and each diagnostic offers its fixes on it.
    /// </summary>
    public abstract class DiagnosticByDiagnosticCodeFixProvider : CodeFixProvider
    {
        private protected DiagnosticByDiagnosticCodeFixProvider(string diagnosticId)
            => FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                RegisterCodeFixes(context, root, diagnostic);
            }
        }

        private protected abstract void RegisterCodeFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic);
    }
}
