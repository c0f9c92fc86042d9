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
using Microsoft.CodeAnalysis.Simplification;

namespace Auth0.Generated.CodeFixes
{
    /// <summary>A0G310: lists <c>AccessToken</c> first in the base list of the declaration carrying [Auth0Token].</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenBaseClassCodeFixProvider)), Shared]
    public sealed class TokenBaseClassCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TokenBaseClassNotDeclared);

        /// <summary>No fix-all: a compilation has one token type.</summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Derive the token from AccessToken",
                        cancellationToken => AddBaseClassAsync(context.Document, diagnostic.Location, cancellationToken),
                        equivalenceKey: DiagnosticIds.TokenBaseClassNotDeclared),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> AddBaseClassAsync(Document document, Location location, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindToken(location.SourceSpan.Start).Parent is not ClassDeclarationSyntax type)
            {
                return document;
            }

            var baseClass = SyntaxFactory.SimpleBaseType(
                SyntaxFactory.ParseTypeName("global::Auth0.Generated.AccessToken").WithAdditionalAnnotations(Simplifier.Annotation));
            ClassDeclarationSyntax updated;
            if (type.BaseList is { } baseList)
            {
                // The base class comes first: `Token : AccessToken, IBindableFromHttpContext<Token>`.
                var first = baseList.Types[0];
                var types = baseList.Types.Replace(first, first.WithLeadingTrivia(SyntaxFactory.Space))
                    .Insert(0, baseClass.WithLeadingTrivia(first.GetLeadingTrivia()));
                updated = type.WithBaseList(baseList.WithTypes(types));
            }
            else
            {
                // `class Token` + ` : AccessToken`, keeping the identifier's trailing trivia (the line break) after the list.
                var identifier = type.Identifier;
                var trailing = identifier.TrailingTrivia;
                updated = type.WithIdentifier(identifier.WithTrailingTrivia())
                    .WithBaseList(SyntaxFactory.BaseList(SyntaxFactory.SingletonSeparatedList<BaseTypeSyntax>(baseClass.WithLeadingTrivia(SyntaxFactory.Space)))
                        .WithColonToken(SyntaxFactory.Token(SyntaxKind.ColonToken).WithLeadingTrivia(SyntaxFactory.Space))
                        .WithTrailingTrivia(trailing));
            }

            return document.WithSyntaxRoot(root.ReplaceNode(type, updated));
        }
    }
}
