// Linked source (src/Shared/Roslyn, generator and analyzers): which [Auth0Token] declarations the generator completes.
// The generator completes exactly these; the analyzers report every other one (A0G304, A0G305, A0G306).
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0.Generated.Shared
{
    internal static class TokenShape
    {
        /// <summary>
        /// Whether the generator completes this class: marked <c>[Auth0Token]</c>, of a supported shape
        /// (<see cref="ShapeProblem"/>), partial in every declaration, with no base class other than <c>AccessToken</c>.
        /// </summary>
        public static bool IsCompletable(INamedTypeSymbol type, CancellationToken cancellationToken)
            => IsMarked(type)
               && ShapeProblem(type) is null
               && IsPartialEverywhere(type, cancellationToken)
               && !HasForeignBaseClass(type);

        /// <summary>Whether the class carries <c>[Auth0Token]</c>.</summary>
        public static bool IsMarked(INamedTypeSymbol type)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == WellKnownNames.Auth0TokenAttribute)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Why the generator cannot complete a class of this shape (the A0G305 message: "is nested in another type"), or
        /// null for a top-level, non-generic, non-static, non-abstract class. Abstract is refused because the generated
        /// factory instantiates the class.
        /// </summary>
        public static string? ShapeProblem(INamedTypeSymbol type)
            => type.TypeKind != TypeKind.Class ? "is not a class"
                : type.ContainingType is not null ? "is nested in another type"
                : type.IsGenericType ? "is generic"
                : type.IsStatic ? "is static"
                : type.IsAbstract ? "is abstract"
                : null;

        /// <summary>Whether every declaration of the class says <c>partial</c>.</summary>
        public static bool IsPartialEverywhere(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not ClassDeclarationSyntax declaration
                    || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the class declares a base class other than <c>object</c> or <c>AccessToken</c> (A0G306).</summary>
        public static bool HasForeignBaseClass(INamedTypeSymbol type)
            => type.BaseType is { } baseType && IsForeignBaseClass(baseType);

        /// <summary>Whether a base class in a declaration's base list is one the token may not derive from.</summary>
        public static bool IsForeignBaseClass(ITypeSymbol baseType)
            => baseType is { TypeKind: TypeKind.Class, SpecialType: not SpecialType.System_Object }
               && baseType.ToDisplayString() != WellKnownNames.AccessToken;
    }
}
