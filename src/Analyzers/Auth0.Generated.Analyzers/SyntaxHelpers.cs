namespace Auth0.Generated.Analyzers
{
    internal static class SyntaxHelpers
    {
        /// <summary>The rightmost simple name of a (member access, member binding, qualified or simple) name, or null.</summary>
        public static string? NameOf(SyntaxNode node) => node switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        /// <summary>Where to report on a call: the method name of <c>x.Method(...)</c>, else the whole node.</summary>
        public static Location NameLocation(SyntaxNode syntax)
            => syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? member.Name.GetLocation()
                : syntax.GetLocation();
    }
}
