namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// Checks the [Auth0Token] class the generator completes, by the rule the generator applies (<see cref="TokenShape"/>):
    /// a partial, top-level (not nested), non-generic, non-static, non-abstract class in any namespace (the global one
    /// included), declaring no base class but AccessToken, whose claim properties are partial and of a type
    /// <see cref="ClaimTypes.Classify"/> accepts.
    /// A0G310: the declaration carrying [Auth0Token] does not list AccessToken as its base class, which other generators
    /// (the Request Delegate Generator) need to see the members the token inherits.
    /// A0G309: when the Request Delegate Generator is on (<c>PublishAot</c> or <c>EnableRequestDelegateGenerator</c>), a
    /// parameter of a minimal API handler (a lambda or method group passed to a <c>Map*</c> call) whose type is an
    /// [Auth0Token] class that does not implement <c>IBindableFromHttpContext&lt;itself&gt;</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TokenAnalyzer : Auth0Analyzer
    {
        public TokenAnalyzer()
            : base(
                Descriptors.TokenNotPartial,
                Descriptors.TokenShapeNotSupported,
                Descriptors.TokenHasBaseType,
                Descriptors.UnsupportedClaimType,
                Descriptors.ClaimPropertyNotPartial,
                Descriptors.TokenNotBindableByRequestDelegateGenerator,
                Descriptors.TokenBaseClassNotDeclared)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownTypes known)
        {
            if (known.Auth0Token is null)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(c => AnalyzeClass(c, known), SyntaxKind.ClassDeclaration);

            if (known.IBindableFromHttpContext is not null && known.IEndpointRouteBuilder is not null
                && RequestDelegateGeneratorIsOn(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions))
            {
                start.RegisterOperationAction(c => AnalyzeEndpoint(c, known), OperationKind.Invocation);
            }
        }

        /// <summary>
        /// Whether ASP.NET Core's Request Delegate Generator runs: the Web SDK turns it on with PublishAot=true or
        /// EnableRequestDelegateGenerator=true (both made compiler-visible by buildTransitive/Auth0.Generated.props).
        /// Without it, the reflection-based binder finds the generated BindAsync, so A0G309 stays silent.
        /// </summary>
        private static bool RequestDelegateGeneratorIsOn(AnalyzerConfigOptions options)
            => IsTrue(options, "build_property.PublishAot") || IsTrue(options, "build_property.EnableRequestDelegateGenerator");

        private static bool IsTrue(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static void AnalyzeEndpoint(OperationAnalysisContext context, KnownTypes known)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!MapCalls.IsMapCall(invocation.TargetMethod, known, out var isGroup) || isGroup
                || MapCalls.HandlerMethodOf(invocation, out var handler) is not { } method
                || handler is null)
            {
                return;
            }

            HashSet<ITypeSymbol>? reported = null;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type is not INamedTypeSymbol type
                    || !TokenModel.HasTokenAttribute(type, known)
                    || IsBindable(type, known)
                    || !parameter.GetAttributes().IsEmpty) // [FromServices], [FromBody], ...: bound as the attribute says
                {
                    continue;
                }

                // A lambda's parameter is reported where it is declared; a method group once per token type, at the group.
                Location location;
                if (handler is IAnonymousFunctionOperation && parameter.DeclaringSyntaxReferences.Length > 0)
                {
                    location = parameter.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken).GetLocation();
                }
                else if ((reported ??= new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)).Add(type))
                {
                    location = handler.Syntax.GetLocation();
                }
                else
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TokenNotBindableByRequestDelegateGenerator, location, DeclarationOf(type, context.CancellationToken), type.Name));
            }
        }

        /// <summary>The token's class name where [Auth0Token] is declared (the code fix adds the interface there), if in source.</summary>
        private static Location[]? DeclarationOf(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
        {
            Location? first = null;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax declaration)
                {
                    if (TokenModel.HasAttributeNamed(declaration.AttributeLists, "Auth0Token"))
                    {
                        return new[] { declaration.Identifier.GetLocation() };
                    }

                    first ??= declaration.Identifier.GetLocation();
                }
            }

            return first is null ? null : new[] { first };
        }

        /// <summary>Whether the token declares IBindableFromHttpContext&lt;itself&gt;, the interface RDG looks for.</summary>
        private static bool IsBindable(INamedTypeSymbol type, KnownTypes known)
        {
            foreach (var @interface in type.AllInterfaces)
            {
                if (KnownTypes.Eq(@interface.OriginalDefinition, known.IBindableFromHttpContext)
                    && KnownTypes.Eq(@interface.TypeArguments[0], type))
                {
                    return true;
                }
            }

            return false;
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
            var isPartial = declaration.Modifiers.Any(SyntaxKind.PartialKeyword);
            if (!isPartial)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TokenNotPartial, declaration.Identifier.GetLocation(), name));
            }

            var declaresAccessToken = false;
            var declaresForeignBase = false;
            if (declaration.BaseList is { } baseList)
            {
                foreach (var baseType in baseList.Types)
                {
                    var bound = context.SemanticModel.GetTypeInfo(baseType.Type, context.CancellationToken).Type;
                    declaresAccessToken |= KnownTypes.Eq(bound, known.AccessToken);
                    if (bound is not null && TokenShape.IsForeignBaseClass(bound))
                    {
                        declaresForeignBase = true;
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.TokenHasBaseType,
                            baseType.GetLocation(),
                            name,
                            bound.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                    }
                }
            }

            // Type-level rules: reported once, on the declaration that carries [Auth0Token].
            if (TokenModel.HasAttributeNamed(declaration.AttributeLists, "Auth0Token"))
            {
                if (TokenShape.ShapeProblem(type) is { } problem)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.TokenShapeNotSupported, declaration.Identifier.GetLocation(), name, problem));
                }
                else if (isPartial && !declaresAccessToken && !declaresForeignBase)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.TokenBaseClassNotDeclared, declaration.Identifier.GetLocation(), name));
                }
            }

            foreach (var member in declaration.Members)
            {
                if (member is not PropertyDeclarationSyntax propertySyntax
                    || context.SemanticModel.GetDeclaredSymbol(propertySyntax, context.CancellationToken) is not { IsStatic: false } property)
                {
                    continue;
                }

                var isPartialProperty = propertySyntax.Modifiers.Any(SyntaxKind.PartialKeyword);
                var hasClaimAttribute = false;
                foreach (var attribute in property.GetAttributes())
                {
                    hasClaimAttribute |= KnownTypes.Eq(attribute.AttributeClass, known.Claim);
                }

                if (!isPartialProperty)
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
