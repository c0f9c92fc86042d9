using System.Collections.Concurrent;
using System.Threading;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// Checks every requirement declaration (attributes and <c>.RequireScopes(...)</c>-style conventions): scope syntax
    /// and catalog membership, claims against the [Auth0Token] type, [ClaimCheck] methods, empty requirements, and
    /// [AllowAnonymous] on the same declaration.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequirementAnalyzer : Auth0Analyzer
    {
        public RequirementAnalyzer()
            : base(
                Descriptors.AllowAnonymousOverridesRequirement,
                Descriptors.UnknownScope,
                Descriptors.UnusedCatalogScope,
                Descriptors.InvalidScopeSyntax,
                Descriptors.DuplicateScope,
                Descriptors.InvalidScopeCatalog,
                Descriptors.UndeclaredClaim,
                Descriptors.ClaimValueTypeMismatch,
                Descriptors.ClaimIncludesOnNonList,
                Descriptors.ContradictoryClaimEquals,
                Descriptors.ClaimCheckMethodNotFound,
                Descriptors.ClaimCheckWrongSignature,
                Descriptors.RequirementWithoutValues)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownTypes known)
        {
            if (known.RequirementAttributes[(int)RequirementKind.AllScopes] is null)
            {
                return; // the runtime is not referenced
            }

            var catalog = ScopeCatalog.Read(start.Compilation, start.Options.AdditionalFiles, known, start.CancellationToken);
            var compilation = start.Compilation;
            var token = new Lazy<TokenModel>(() => TokenModel.Build(compilation, known, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            var state = new State(known, catalog, token);

            RegisterAttributeHolderAction(start, (symbol, report, cancellationToken) => AnalyzeAttributes(symbol, state, report, cancellationToken));
            start.RegisterSyntaxNodeAction(c => AnalyzeAssemblyAttribute(c, state), SyntaxKind.Attribute);
            start.RegisterOperationAction(c => AnalyzeConvention(c, state), OperationKind.Invocation);
            if (catalog.Exists)
            {
                start.RegisterOperationAction(c => AnalyzeFieldReference(c, state), OperationKind.FieldReference);
            }

            start.RegisterCompilationEndAction(end =>
            {
                foreach (var error in catalog.FileErrors)
                {
                    end.ReportDiagnostic(error);
                }

                if (!catalog.Exists)
                {
                    return;
                }

                var reported = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in catalog.Entries)
                {
                    if (!state.UsedScopes.ContainsKey(entry.Key) && IsWellFormedScope(entry.Key) && reported.Add(entry.Key))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.UnusedCatalogScope, entry.Value, entry.Key));
                    }
                }
            });
        }

        /// <summary>[assembly: ApiScope("...")] values must be well-formed scopes (only assembly-targeted attributes are bound).</summary>
        private static void AnalyzeAssemblyAttribute(SyntaxNodeAnalysisContext context, State state)
        {
            var attribute = (AttributeSyntax)context.Node;
            if (attribute.Parent is not AttributeListSyntax { Target.Identifier.ValueText: "assembly" }
                || attribute.ArgumentList is not { Arguments.Count: > 0 } list
                || context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol constructor
                || !KnownTypes.Eq(constructor.ContainingType, state.Known.ApiScope))
            {
                return;
            }

            var expression = list.Arguments[0].Expression;
            var value = context.SemanticModel.GetConstantValue(expression, context.CancellationToken);
            if (value.HasValue)
            {
                CheckScopeSyntax(value.Value as string, expression.GetLocation(), context.ReportDiagnostic);
            }
        }

        private static void AnalyzeAttributes(ISymbol symbol, State state, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            bool? allowAnonymous = null;
            List<Requirement>? equals = null;
            foreach (var data in symbol.GetAttributes())
            {
                if (state.Known.KindOf(data.AttributeClass) is not { } kind
                    || Requirement.FromAttribute(data, kind, cancellationToken) is not { } requirement)
                {
                    continue;
                }

                Validate(requirement, state, report);
                if (kind == RequirementKind.ClaimEquals)
                {
                    CheckContradiction(requirement, equals ??= new List<Requirement>(), report);
                }

                allowAnonymous ??= AllowsAnonymous(symbol, state.Known);
                if (allowAnonymous == true)
                {
                    report(Diagnostic.Create(Descriptors.AllowAnonymousOverridesRequirement, requirement.Location, requirement.Display));
                }
            }
        }

        /// <summary>
        /// A0G204: a [ClaimEquals] (or <c>.RequireClaimEquals</c>) of a claim that an earlier one on the same declaration (or
        /// earlier in the same convention chain) already pins to another value: they must all hold. Only constant claims and
        /// values of a bound overload are compared.
        /// </summary>
        private static void CheckContradiction(Requirement requirement, List<Requirement> earlier, Action<Diagnostic> report)
        {
            if (requirement.Claim is not { HasValue: true, Value: string claim }
                || requirement.EqualsKind is not { } kind
                || requirement.Values.Length != 1
                || !requirement.Values[0].HasValue)
            {
                return;
            }

            foreach (var other in earlier)
            {
                if (other.Claim!.Value.Value is string otherClaim
                    && string.Equals(otherClaim, claim, StringComparison.Ordinal)
                    && Contradict(other.EqualsKind!.Value, other.Values[0].Value, kind, requirement.Values[0].Value))
                {
                    report(Diagnostic.Create(
                        Descriptors.ContradictoryClaimEquals,
                        requirement.Location,
                        Describe(other),
                        Describe(requirement),
                        claim));
                    return;
                }
            }

            earlier.Add(requirement);
        }

        /// <summary>
        /// Whether no claim value satisfies both comparisons, as the runtime compares: the same kind with another value, or
        /// an integer and a number that do not read as the same double (the claim <c>3</c> is both <c>3L</c> and <c>3.0</c>).
        /// Values of different JSON types (a string and a number) are A0G202's to report against the declared claim type.
        /// </summary>
        private static bool Contradict(ClaimValueKind firstKind, object? first, ClaimValueKind secondKind, object? second)
            => (firstKind, secondKind) switch
            {
                _ when firstKind == secondKind => !Equals(first, second),
                (ClaimValueKind.Integer, ClaimValueKind.Number) => first is long l && second is double d && (double)l != d,
                (ClaimValueKind.Number, ClaimValueKind.Integer) => first is double d && second is long l && (double)l != d,
                _ => false,
            };

        private static string Describe(Requirement requirement)
        {
            var arguments = "(\"" + requirement.Claim!.Value.Value + "\", " + Literal(requirement.Values[0].Value) + ")";
            return requirement.Display.StartsWith("[", StringComparison.Ordinal)
                ? "[ClaimEquals" + arguments + "]"
                : ".RequireClaimEquals" + arguments;
        }

        private static string Literal(object? value) => value switch
        {
            string text => "\"" + text + "\"",
            bool flag => flag ? "true" : "false",
            IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "null",
        };

        private static void AnalyzeConvention(OperationAnalysisContext context, State state)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!Requirement.ConventionNames.ContainsKey(invocation.TargetMethod.Name))
            {
                return;
            }

            if (Requirement.FromConvention(invocation) is { } requirement)
            {
                Validate(requirement, state, context.ReportDiagnostic);
                if (requirement.Kind == RequirementKind.ClaimEquals)
                {
                    CheckContradiction(requirement, EarlierClaimEqualsInChain(invocation), context.ReportDiagnostic);
                }
            }
        }

        /// <summary>
        /// The <c>.RequireClaimEquals(...)</c> calls chained before <paramref name="invocation"/> on the same builder, in
        /// order (<c>builder.RequireClaimEquals(a).RequireScopes(...).RequireClaimEquals(b)</c>); the walk stops at any call
        /// that is not one of our conventions.
        /// </summary>
        private static List<Requirement> EarlierClaimEqualsInChain(IInvocationOperation invocation)
        {
            var earlier = new List<Requirement>();
            for (var receiver = MapCalls.Unwrap(MapCalls.ReceiverOf(invocation));
                receiver is IInvocationOperation previous && Requirement.IsConvention(previous.TargetMethod, out var kind);
                receiver = MapCalls.Unwrap(MapCalls.ReceiverOf(previous)))
            {
                if (kind == RequirementKind.ClaimEquals && Requirement.FromConvention(previous) is { } found)
                {
                    earlier.Insert(0, found);
                }
            }

            return earlier;
        }

        private static void AnalyzeFieldReference(OperationAnalysisContext context, State state)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            if (reference.Field is { IsConst: true, ContainingType.Name: "Scopes", ConstantValue: string value })
            {
                state.UsedScopes.TryAdd(value, true);
            }
        }

        /// <summary>
        /// [AllowAnonymous] wins over every requirement on the endpoint: a requirement on a method (or lambda, or local
        /// function) that also carries [AllowAnonymous], or whose containing class does; and a requirement on a class that
        /// also carries [AllowAnonymous]. A class requirement with [AllowAnonymous] on one action is the usual opt-out and
        /// is not reported.
        /// </summary>
        private static bool AllowsAnonymous(ISymbol symbol, KnownTypes known)
        {
            if (HasAllowAnonymous(symbol, known))
            {
                return true;
            }

            if (symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                for (var type = method.ContainingType; type is not null; type = type.BaseType)
                {
                    if (HasAllowAnonymous(type, known))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool HasAllowAnonymous(ISymbol symbol, KnownTypes known)
        {
            foreach (var data in symbol.GetAttributes())
            {
                if (known.IsAllowAnonymous(data.AttributeClass))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Validate(Requirement requirement, State state, Action<Diagnostic> report)
        {
            switch (requirement.Kind)
            {
                case RequirementKind.AllScopes:
                case RequirementKind.AnyScope:
                    ValidateScopes(requirement, state, report);
                    break;
                case RequirementKind.AnyRole:
                    ValidateValues(requirement, "roles", "role", report);
                    break;
                case RequirementKind.ClaimEquals:
                    if (ValidateClaimName(requirement, report) is { } equalsClaim)
                    {
                        if (requirement.Values.Length == 1 && requirement.Values[0] is { HasValue: true, Value: null } nullValue)
                        {
                            report(Diagnostic.Create(Descriptors.RequirementWithoutValues, nullValue.Location, requirement.Display, "has a null value"));
                        }

                        ValidateAgainstToken(requirement, equalsClaim, state, report);
                    }

                    break;
                case RequirementKind.ClaimIncludes:
                    ValidateValues(requirement, "values", "value", report);
                    if (ValidateClaimName(requirement, report) is { } includesClaim)
                    {
                        ValidateAgainstToken(requirement, includesClaim, state, report);
                    }

                    break;
                case RequirementKind.ClaimCheck:
                    ValidateClaimCheck(requirement, state, report);
                    break;
            }
        }

        private static void ValidateScopes(Requirement requirement, State state, Action<Diagnostic> report)
        {
            if (requirement.ValuesKnown && requirement.Values.IsEmpty)
            {
                report(Diagnostic.Create(Descriptors.RequirementWithoutValues, requirement.Location, requirement.Display, "lists no scopes"));
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in requirement.Values)
            {
                if (!value.HasValue)
                {
                    continue;
                }

                var scope = value.Value as string;
                if (!CheckScopeSyntax(scope, value.Location, report) || scope is null)
                {
                    continue;
                }

                state.UsedScopes.TryAdd(scope, true);
                if (!seen.Add(scope))
                {
                    report(Diagnostic.Create(Descriptors.DuplicateScope, value.Location, scope));
                }
                else if (state.Catalog.Exists && !state.Catalog.Values.Contains(scope))
                {
                    var suggestion = Suggestions.Nearest(scope, state.Catalog.Values);
                    if (suggestion is not null)
                    {
                        state.UsedScopes.TryAdd(suggestion, true); // one mistake, one diagnostic: the meant scope is not also "unused"
                    }

                    // The fix replaces string literals only; a constant is fixed where it is declared.
                    var properties = suggestion is null || !value.IsStringLiteral
                        ? ImmutableDictionary<string, string?>.Empty
                        : ImmutableDictionary<string, string?>.Empty.Add(Descriptors.SuggestionProperty, suggestion);
                    report(Diagnostic.Create(
                        Descriptors.UnknownScope,
                        value.Location,
                        properties,
                        scope,
                        suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?"));
                }
            }
        }

        private static bool IsWellFormedScope(string scope)
        {
            if (scope.Length == 0)
            {
                return false;
            }

            foreach (var c in scope)
            {
                if (char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Reports an empty scope or one with whitespace; returns whether the scope is well-formed.</summary>
        private static bool CheckScopeSyntax(string? scope, Location location, Action<Diagnostic> report)
        {
            if (string.IsNullOrEmpty(scope))
            {
                report(Diagnostic.Create(Descriptors.InvalidScopeSyntax, location, scope ?? "null", "empty"));
                return false;
            }

            if (!IsWellFormedScope(scope!))
            {
                report(Diagnostic.Create(Descriptors.InvalidScopeSyntax, location, scope, "contains whitespace"));
                return false;
            }

            return true;
        }

        private static void ValidateValues(Requirement requirement, string plural, string singular, Action<Diagnostic> report)
        {
            if (requirement.ValuesKnown && requirement.Values.IsEmpty)
            {
                report(Diagnostic.Create(Descriptors.RequirementWithoutValues, requirement.Location, requirement.Display, "lists no " + plural));
                return;
            }

            foreach (var value in requirement.Values)
            {
                if (value.HasValue && string.IsNullOrWhiteSpace(value.Value as string))
                {
                    report(Diagnostic.Create(Descriptors.RequirementWithoutValues, value.Location, requirement.Display, "has an empty " + singular));
                }
            }
        }

        private static string? ValidateClaimName(Requirement requirement, Action<Diagnostic> report)
        {
            if (requirement.Claim is not { HasValue: true } claim)
            {
                return null;
            }

            if (claim.Value is string { Length: > 0 } name)
            {
                return name;
            }

            report(Diagnostic.Create(Descriptors.RequirementWithoutValues, claim.Location, requirement.Display, "has an empty claim name"));
            return null;
        }

        private static void ValidateAgainstToken(Requirement requirement, string claimName, State state, Action<Diagnostic> report)
        {
            var token = state.Token.Value;
            if (token.TokenName is null || requirement.Claim is not { } claimValue)
            {
                return; // no [Auth0Token] type: nothing to check claims against
            }

            if (!token.Claims.TryGetValue(claimName, out var claim))
            {
                var suggestion = Suggestions.Nearest(claimName, token.Claims.Keys);
                report(Diagnostic.Create(
                    Descriptors.UndeclaredClaim,
                    claimValue.Location,
                    claimName,
                    token.TokenName,
                    suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?"));
                return;
            }

            if (claim.Kind == ClaimKind.Unsupported)
            {
                return; // A0G307 reports the declaration
            }

            if (requirement.Kind == RequirementKind.ClaimIncludes)
            {
                if (!ClaimTypes.IsList(claim.Kind))
                {
                    report(Diagnostic.Create(Descriptors.ClaimIncludesOnNonList, claimValue.Location, requirement.Display, claimName, claim.TypeDisplay));
                }

                return;
            }

            if (requirement.Values.Length != 1 || requirement.EqualsKind is not { } equalsKind)
            {
                return;
            }

            var value = requirement.Values[0];
            if (!EqualsCompatible(equalsKind, value, claim))
            {
                report(Diagnostic.Create(
                    Descriptors.ClaimValueTypeMismatch,
                    value.Location,
                    requirement.Display,
                    claimName,
                    ClaimValueKinds.Keyword(equalsKind),
                    claim.TypeDisplay));
            }
        }

        private static bool EqualsCompatible(ClaimValueKind kind, RequirementValue value, KnownClaim claim)
        {
            switch (claim.Kind)
            {
                case ClaimKind.String:
                case ClaimKind.StringEnum:
                    return kind == ClaimValueKind.String;
                case ClaimKind.Boolean:
                    return kind == ClaimValueKind.Boolean;
                case ClaimKind.Int32:
                case ClaimKind.Int64:
                    return kind == ClaimValueKind.Integer
                        || (kind == ClaimValueKind.Number && value.HasValue && value.Value is double d && Math.Floor(d) == d);
                case ClaimKind.Double:
                case ClaimKind.NumericDate:
                    return kind == ClaimValueKind.Integer || kind == ClaimValueKind.Number;
                case ClaimKind.StringList:
                    return claim.FlexibleList && kind == ClaimValueKind.String;
                default:
                    return true;
            }
        }

        private static void ValidateClaimCheck(Requirement requirement, State state, Action<Diagnostic> report)
        {
            if (requirement.CheckType is not INamedTypeSymbol type || requirement.CheckMethod is not { HasValue: true } methodValue)
            {
                return;
            }

            if (methodValue.Value is not string { Length: > 0 } name)
            {
                report(Diagnostic.Create(Descriptors.RequirementWithoutValues, methodValue.Location, requirement.Display, "has an empty method name"));
                return;
            }

            var found = false;
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                    {
                        found = true;
                        if (IsValidCheck(method, state.Known))
                        {
                            return;
                        }
                    }
                }
            }

            var typeName = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            report(Diagnostic.Create(
                found ? Descriptors.ClaimCheckWrongSignature : Descriptors.ClaimCheckMethodNotFound,
                methodValue.Location,
                typeName,
                name));
        }

        /// <summary>
        /// <c>static bool M(TToken)</c>, <c>static bool M(TToken, HttpContext)</c> or
        /// <c>static ValueTask&lt;bool&gt; M(TToken, HttpContext)</c>; TToken is AccessToken, a type deriving from it,
        /// or the [Auth0Token] type (which derives from it once generated).
        /// </summary>
        private static bool IsValidCheck(IMethodSymbol method, KnownTypes known)
        {
            if (!method.IsStatic || method.IsGenericMethod || method.Parameters.Length is < 1 or > 2)
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    return false;
                }
            }

            if (!IsTokenType(method.Parameters[0].Type, known))
            {
                return false;
            }

            var returnsBool = method.ReturnType.SpecialType == SpecialType.System_Boolean;
            if (method.Parameters.Length == 1)
            {
                return returnsBool;
            }

            if (!KnownTypes.Eq(method.Parameters[1].Type, known.HttpContext))
            {
                return false;
            }

            return returnsBool
                || (method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } returned
                    && KnownTypes.Eq(returned.OriginalDefinition, known.ValueTask1)
                    && returned.TypeArguments[0].SpecialType == SpecialType.System_Boolean);
        }

        private static bool IsTokenType(ITypeSymbol type, KnownTypes known)
        {
            if (type is not INamedTypeSymbol named)
            {
                return false;
            }

            for (var current = named; current is not null; current = current.BaseType)
            {
                if (KnownTypes.Eq(current, known.AccessToken))
                {
                    return true;
                }
            }

            return TokenModel.HasTokenAttribute(named, known);
        }

        private sealed class State(KnownTypes known, ScopeCatalog catalog, Lazy<TokenModel> token)
        {
            public KnownTypes Known { get; } = known;

            public ScopeCatalog Catalog { get; } = catalog;

            public Lazy<TokenModel> Token { get; } = token;

            /// <summary>Scopes some requirement or some reference to a generated constant uses (for A0G102).</summary>
            public ConcurrentDictionary<string, bool> UsedScopes { get; } = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        }
    }
}
