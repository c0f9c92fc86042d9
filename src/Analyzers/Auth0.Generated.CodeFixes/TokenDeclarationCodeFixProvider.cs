using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Auth0.Generated.CodeFixes
{
    /// <summary>
    /// Completes the token's own declaration with what other generators must see there:
    /// A0G309 adds <c>IBindableFromHttpContext&lt;Token&gt;</c> (the diagnostic's additional location, possibly in another
    /// document; the generator then emits the matching BindAsync); A0G310 lists <c>AccessToken</c> first in the base list.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenDeclarationCodeFixProvider)), Shared]
    public sealed class TokenDeclarationCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.TokenNotBindableByRequestDelegateGenerator, DiagnosticIds.TokenBaseClassNotDeclared);

        /// <summary>No fix-all: every diagnostic of one token edits the same declaration, which one fix already covers.</summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var isBaseClass = diagnostic.Id == DiagnosticIds.TokenBaseClassNotDeclared;
                var declaration = isBaseClass ? diagnostic.Location
                    : diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0]
                    : null;
                if (declaration is not { IsInSource: true }
                    || context.Document.Project.Solution.GetDocument(declaration.SourceTree) is not { } document)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        isBaseClass ? "Derive the token from AccessToken" : "Declare IBindableFromHttpContext on the token",
                        cancellationToken => EditDeclarationAsync(document, declaration, isBaseClass, cancellationToken),
                        equivalenceKey: diagnostic.Id),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Solution> EditDeclarationAsync(Document document, Location declaration, bool baseClass, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindToken(declaration.SourceSpan.Start).Parent is not ClassDeclarationSyntax type)
            {
                return document.Project.Solution;
            }

            var updated = baseClass
                ? AddBaseClass(type, SimplifiedType("global::Auth0.Generated.AccessToken"))
                : AddInterface(document, type, SimplifiedType("global::Microsoft.AspNetCore.Http.IBindableFromHttpContext<" + type.Identifier.Text + ">"));
            return document.WithSyntaxRoot(root.ReplaceNode(type, updated)).Project.Solution;
        }

        private static TypeSyntax SimplifiedType(string name) => SyntaxFactory.ParseTypeName(name).WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary>The base class comes first: <c>Token : AccessToken, IBindableFromHttpContext&lt;Token&gt;</c>.</summary>
        private static ClassDeclarationSyntax AddBaseClass(ClassDeclarationSyntax type, TypeSyntax baseClass)
        {
            var added = SyntaxFactory.SimpleBaseType(baseClass);
            if (type.BaseList is { } baseList)
            {
                var first = baseList.Types[0];
                var types = baseList.Types.Replace(first, first.WithLeadingTrivia(SyntaxFactory.Space))
                    .Insert(0, added.WithLeadingTrivia(first.GetLeadingTrivia()));
                return type.WithBaseList(baseList.WithTypes(types));
            }

            // `class Token` + ` : AccessToken`, keeping the identifier's trailing trivia (the line break) after the list.
            var identifier = type.Identifier;
            return type.WithIdentifier(identifier.WithTrailingTrivia())
                .WithBaseList(SyntaxFactory.BaseList(SyntaxFactory.SingletonSeparatedList<BaseTypeSyntax>(added.WithLeadingTrivia(SyntaxFactory.Space)))
                    .WithColonToken(SyntaxFactory.Token(SyntaxKind.ColonToken).WithLeadingTrivia(SyntaxFactory.Space))
                    .WithTrailingTrivia(identifier.TrailingTrivia));
        }

        /// <summary>The interface comes last.</summary>
        private static SyntaxNode AddInterface(Document document, ClassDeclarationSyntax type, TypeSyntax @interface)
        {
            if (type.BaseList is not { Types.Count: > 0 } baseList)
            {
                return SyntaxGenerator.GetGenerator(document).AddInterfaceType(type, @interface);
            }

            // Appended by hand: SyntaxGenerator would leave the last base type's line break before the new one's comma.
            var last = baseList.Types[baseList.Types.Count - 1];
            var added = SyntaxFactory.SimpleBaseType(@interface.WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(last.GetTrailingTrivia());
            return type.WithBaseList(baseList.WithTypes(baseList.Types.Replace(last, last.WithoutTrailingTrivia()).Add(added)));
        }
    }
}
