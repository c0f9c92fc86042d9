using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Auth0.Generated.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Auth0.Generated.CodeFixes
{
    /// <summary>
    /// A0G309: adds <c>IBindableFromHttpContext&lt;Token&gt;</c> to the token's declaration (the diagnostic's additional
    /// location, possibly in another document); the generator then emits the matching BindAsync.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BindableTokenCodeFixProvider)), Shared]
    public sealed class BindableTokenCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TokenNotBindableByRequestDelegateGenerator);

        /// <summary>No fix-all: every diagnostic of one token edits the same declaration, which one fix already covers.</summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.AdditionalLocations.Count == 0
                    || diagnostic.AdditionalLocations[0] is not { IsInSource: true } declaration
                    || context.Document.Project.Solution.GetDocument(declaration.SourceTree) is not { } document)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Declare IBindableFromHttpContext on the token",
                        cancellationToken => AddInterfaceAsync(document, declaration, cancellationToken),
                        equivalenceKey: DiagnosticIds.TokenNotBindableByRequestDelegateGenerator),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Solution> AddInterfaceAsync(Document document, Location declaration, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindToken(declaration.SourceSpan.Start).Parent is not ClassDeclarationSyntax type)
            {
                return document.Project.Solution;
            }

            var name = type.Identifier.Text;
            var @interface = SyntaxFactory.ParseTypeName("global::Microsoft.AspNetCore.Http.IBindableFromHttpContext<" + name + ">")
                .WithAdditionalAnnotations(Simplifier.Annotation);
            SyntaxNode updated;
            if (type.BaseList is { Types.Count: > 0 } baseList)
            {
                // Appended by hand: SyntaxGenerator would leave the last base type's line break before the new one's comma.
                var last = baseList.Types[baseList.Types.Count - 1];
                var added = SyntaxFactory.SimpleBaseType(@interface.WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(last.GetTrailingTrivia());
                updated = type.WithBaseList(baseList.WithTypes(baseList.Types.Replace(last, last.WithoutTrailingTrivia()).Add(added)));
            }
            else
            {
                updated = SyntaxGenerator.GetGenerator(document).AddInterfaceType(type, @interface);
            }

            return document.WithSyntaxRoot(root.ReplaceNode(type, updated)).Project.Solution;
        }
    }
}
