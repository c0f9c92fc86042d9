using System.Collections.Immutable;
using Auth0.Generated.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// Checks the [Auth0Token] class the generator completes. Supported (as the generator's TokenParser.IsCompletable, plus
    /// non-abstract because the generated factory instantiates it): a partial, top-level (not nested), non-generic,
    /// non-static, non-abstract class in any namespace (the global one included), declaring no base class (or AccessToken),
    /// whose claim properties are partial and of a type <see cref="ClaimTypes.Classify"/> accepts.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TokenAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.TokenNotPartial,
            Descriptors.TokenShapeNotSupported,
            Descriptors.TokenHasBaseType,
            Descriptors.UnsupportedClaimType,
            Descriptors.ClaimPropertyNotPartial);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownTypes.Create(start.Compilation);
                if (known.Auth0Token is null)
                {
                    return;
                }

                start.RegisterSyntaxNodeAction(c => AnalyzeClass(c, known), SyntaxKind.ClassDeclaration);
            });
        }

        private static void AnalyzeClass(SyntaxNodeAnalysisContext context, KnownTypes known)
        {
            var declaration = (ClassDeclarationSyntax)context.Node;
            if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type
                || !TokenModel.HasTokenAttribute(type, known))
            {
                return;
            }

            var name = type.Name;
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TokenNotPartial, declaration.Identifier.GetLocation(), name));
            }

            // Type-level shape: reported once, on the declaration that carries [Auth0Token].
            if (TokenModel.HasAttributeNamed(declaration.AttributeLists, "Auth0Token"))
            {
                var problem = type.ContainingType is not null ? "is nested in another type"
                    : type.IsGenericType ? "is generic"
                    : type.IsStatic ? "is static"
                    : type.IsAbstract ? "is abstract"
                    : null;
                if (problem is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.TokenShapeNotSupported, declaration.Identifier.GetLocation(), name, problem));
                }
            }

            if (declaration.BaseList is { } baseList)
            {
                foreach (var baseType in baseList.Types)
                {
                    var bound = context.SemanticModel.GetTypeInfo(baseType.Type, context.CancellationToken).Type;
                    if (bound is { TypeKind: TypeKind.Class, SpecialType: not SpecialType.System_Object } && !KnownTypes.Eq(bound, known.AccessToken))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.TokenHasBaseType,
                            baseType.GetLocation(),
                            name,
                            bound.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                    }
                }
            }

            foreach (var member in declaration.Members)
            {
                if (member is not PropertyDeclarationSyntax propertySyntax
                    || context.SemanticModel.GetDeclaredSymbol(propertySyntax, context.CancellationToken) is not { IsStatic: false } property)
                {
                    continue;
                }

                var isPartial = propertySyntax.Modifiers.Any(SyntaxKind.PartialKeyword);
                var hasClaimAttribute = false;
                foreach (var attribute in property.GetAttributes())
                {
                    hasClaimAttribute |= KnownTypes.Eq(attribute.AttributeClass, known.Claim);
                }

                if (!isPartial)
                {
                    if (hasClaimAttribute)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ClaimPropertyNotPartial, propertySyntax.Identifier.GetLocation(), property.Name));
                    }

                    continue; // a plain property of the user's own
                }

                if (ClaimTypes.Classify(property.Type, out _) == ClaimKind.Unsupported)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.UnsupportedClaimType,
                        propertySyntax.Type.GetLocation(),
                        property.Name,
                        property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                }
            }
        }
    }
}
