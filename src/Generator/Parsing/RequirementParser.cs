using System.Globalization;

namespace Auth0.Generated.Generator.Parsing
{
    /// <summary>
    /// Turns requirement declarations (attributes, or convention calls with constant arguments) into
    /// <see cref="RequirementSpec"/>s. Invalid declarations yield nothing: the runtime rejects them at startup and the
    /// analyzers report them.
    /// </summary>
    internal static class RequirementParser
    {
        /// <summary>
        /// One requirement attribute of <paramref name="kind"/>, read from its constants or, for scopes, from the generated
        /// <c>Scopes</c> constants it names; null when it is invalid.
        /// </summary>
        public static RequirementSpec? FromAttribute(AttributeData attribute, RequirementKind kind, SemanticModel model, CancellationToken cancellationToken)
            => FromConstants(attribute, kind, model.Compilation, cancellationToken) ?? FromScopeConstants(attribute, kind, model, cancellationToken);

        /// <summary>A scope attribute naming generated <c>Scopes</c> constants, which do not bind while the generator runs.</summary>
        private static RequirementSpec? FromScopeConstants(AttributeData attribute, RequirementKind kind, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!RequirementKinds.Get(kind).IsScope
                || attribute.ApplicationSyntaxReference is not { } reference
                || reference.SyntaxTree != model.SyntaxTree
                || reference.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } list })
            {
                return null;
            }

            var expressions = new List<ExpressionSyntax>(list.Arguments.Count);
            foreach (var argument in list.Arguments)
            {
                if (argument.NameEquals is not null)
                {
                    return null;
                }

                expressions.Add(argument.Expression);
            }

            return ScopeConstantParser.Arguments(model, expressions, cancellationToken) is { } arguments
                ? ScopeConstantParser.Unresolved(kind, arguments)
                : null;
        }

        private static RequirementSpec? FromConstants(AttributeData attribute, RequirementKind kind, Compilation compilation, CancellationToken cancellationToken)
        {
            var args = attribute.ConstructorArguments;
            if (attribute.AttributeConstructor is not { } constructor || args.Length != constructor.Parameters.Length)
            {
                return null;
            }

            switch (RequirementKinds.Get(kind).Arguments)
            {
                case RequirementArguments.Values:
                    return args.Length == 1 && Strings(args[0]) is { } values ? List(kind, null, values) : null;
                case RequirementArguments.ClaimAndValues:
                    return args.Length == 2 && args[0].Value is string claim && Strings(args[1]) is { } included
                        ? List(kind, claim, included)
                        : null;
                case RequirementArguments.ClaimAndValue:
                    return args.Length == 2 && args[0].Value is string equalsClaim
                        ? EqualsSpec(equalsClaim, ClaimTypes.EqualsValueKind(constructor.Parameters[1].Type), args[1].Value)
                        : null;
                case RequirementArguments.TypeAndMethod:
                    string? message = null;
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == "Message")
                        {
                            message = named.Value.Value as string;
                        }
                    }

                    return args.Length == 2 && args[0].Value is INamedTypeSymbol type && args[1].Value is string method
                        ? CheckSpec(type, method, message, compilation, cancellationToken)
                        : null;
                case RequirementArguments.None:
                    return args.Length == 0 ? NoArguments(kind) : null;
                default:
                    return null;
            }
        }

        /// <summary>A requirement without arguments (<c>[RequireDPoP]</c>): its key is its prefix.</summary>
        public static RequirementSpec NoArguments(RequirementKind kind)
            => new(RequirementKeyFormat.Build(kind, Array.Empty<string?>()), kind, null, new EquatableArray<string>(Array.Empty<string>()), null, null);

        /// <summary>A list requirement (scopes, roles, includes), validated as the runtime's <c>RequireValues</c> does.</summary>
        public static RequirementSpec? List(RequirementKind kind, string? claim, IReadOnlyList<string> values)
        {
            var hasClaim = RequirementKinds.Get(kind).Arguments == RequirementArguments.ClaimAndValues;
            if (values.Count == 0 || (hasClaim && string.IsNullOrEmpty(claim)))
            {
                return null;
            }

            foreach (var value in values)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return null;
                }
            }

            return new RequirementSpec(RequirementKeyFormat.Values(kind, claim, values), kind, claim, new EquatableArray<string>(values), null, null);
        }

        /// <summary>A <c>[ClaimEquals]</c> requirement; the kind comes from the bound overload's value parameter type.</summary>
        public static RequirementSpec? EqualsSpec(string claim, ClaimValueKind? valueKind, object? value)
        {
            if (claim.Length == 0 || value is null || valueKind is not { } kind)
            {
                return null;
            }

            string key;
            EqualsValueSpec spec;
            switch (kind)
            {
                case ClaimValueKind.String when value is string s:
                    key = RequirementKeyFormat.ClaimEquals(claim, kind, s);
                    spec = new EqualsValueSpec(kind, SymbolDisplay.FormatLiteral(s, quote: true), s.Length == 0, false, false);
                    break;
                case ClaimValueKind.Boolean when value is bool b:
                    key = RequirementKeyFormat.ClaimEquals(claim, kind, b);
                    spec = new EqualsValueSpec(kind, b ? "true" : "false", !b, false, false);
                    break;
                case ClaimValueKind.Integer when IsIntegral(value):
                    var l = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    key = RequirementKeyFormat.ClaimEquals(claim, kind, l);
                    spec = new EqualsValueSpec(
                        kind,
                        l == long.MinValue ? "long.MinValue" : l.ToString(CultureInfo.InvariantCulture) + "L",
                        l == 0,
                        l >= int.MinValue && l <= int.MaxValue,
                        false);
                    break;
                case ClaimValueKind.Number when IsIntegral(value) || value is double || value is float:
                    var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    key = RequirementKeyFormat.ClaimEquals(claim, kind, d);
                    spec = new EqualsValueSpec(kind, DoubleLiteral(d), d == 0d, false, double.IsNaN(d));
                    break;
                default:
                    return null;
            }

            return new RequirementSpec(key, RequirementKind.ClaimEquals, claim, EquatableArray<string>.Empty, spec, null);
        }

        /// <summary>
        /// Keys separate arguments with <c>\n</c>, so a value holding one could share its key with another requirement
        /// (<c>["a\nb"]</c> and <c>["a", "b"]</c>): such declarations are left to the runtime's interpreted checks.
        /// </summary>
        private static bool IsIntegral(object value)
            => value is sbyte or byte or short or ushort or int or uint or long or char;

        /// <summary>A C# expression for a double that round-trips exactly.</summary>
        public static string DoubleLiteral(double value)
        {
            if (double.IsNaN(value))
            {
                return "double.NaN";
            }

            if (double.IsPositiveInfinity(value))
            {
                return "double.PositiveInfinity";
            }

            if (double.IsNegativeInfinity(value))
            {
                return "double.NegativeInfinity";
            }

            // "R" is the shortest form on .NET Core; on the .NET Framework compiler host it can fail to round-trip,
            // and G17 always does.
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
            {
                text = value.ToString("G17", CultureInfo.InvariantCulture);
            }

            return text + "d";
        }

        /// <summary>A <c>[ClaimCheck]</c> whose method the generated code can call directly; null sends it to the runtime's path.</summary>
        private static RequirementSpec? CheckSpec(INamedTypeSymbol type, string methodName, string? message, Compilation compilation, CancellationToken cancellationToken)
        {
            if (methodName.Length == 0 || Names.RuntimeFullName(type) is not { } fullName)
            {
                return null;
            }

            IMethodSymbol? found = null;
            foreach (var member in type.GetMembers(methodName))
            {
                if (member is IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary, IsGenericMethod: false } method && IsSupported(method, cancellationToken))
                {
                    if (found is not null)
                    {
                        return null; // overloaded: the runtime reports it at startup
                    }

                    found = method;
                }
            }

            // Generated code calls the method directly: it must be callable from anywhere in this assembly (a private
            // method, or an internal one of another assembly, is left to the runtime's interpreted check).
            if (found is null || !Names.IsAccessibleFromAssembly(found) || !compilation.IsSymbolAccessibleWithin(found, compilation.Assembly))
            {
                return null;
            }

            var tokenType = found.Parameters[0].Type;
            var check = new ClaimCheckSpec(
                Names.FullyQualifiedNoAnnotation(type),
                Names.Identifier(methodName),
                Names.FullyQualifiedNoAnnotation(tokenType),
                tokenType.ToDisplayString() == WellKnownNames.AccessToken,
                found.Parameters.Length == 2,
                found.ReturnType is INamedTypeSymbol { Arity: 1 } returnType && returnType.OriginalDefinition.ToDisplayString() == "System.Threading.Tasks.ValueTask<TResult>",
                message is null ? "global::Auth0.Generated.ClaimCheckAttribute.DefaultMessage" : SymbolDisplay.FormatLiteral(message, quote: true));
            return new RequirementSpec(
                RequirementKeyFormat.ClaimCheck(fullName, methodName, message),
                RequirementKind.ClaimCheck,
                null,
                EquatableArray<string>.Empty,
                null,
                check);
        }

        /// <summary>The shapes the runtime accepts: <c>bool M(T)</c>, <c>bool M(T, HttpContext)</c>, <c>ValueTask&lt;bool&gt; M(T, HttpContext)</c>.</summary>
        private static bool IsSupported(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var parameters = method.Parameters;
            if (parameters.Length is < 1 or > 2 || !DerivesFromAccessToken(parameters[0].Type, cancellationToken))
            {
                return false;
            }

            foreach (var parameter in parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    return false;
                }
            }

            if (parameters.Length == 2 && parameters[1].Type.ToDisplayString() != WellKnownNames.HttpContext)
            {
                return false;
            }

            if (method.ReturnType.SpecialType == SpecialType.System_Boolean)
            {
                return true;
            }

            return parameters.Length == 2
                && method.ReturnType is INamedTypeSymbol { Arity: 1 } named
                && named.OriginalDefinition.ToDisplayString() == "System.Threading.Tasks.ValueTask<TResult>"
                && named.TypeArguments[0].SpecialType == SpecialType.System_Boolean;
        }

        private static bool DerivesFromAccessToken(ITypeSymbol type, CancellationToken cancellationToken)
        {
            // The generator sees the compilation without its own output: an [Auth0Token] class does not derive from
            // AccessToken yet, but will once the generated part is added.
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == WellKnownNames.AccessToken
                    || (current is INamedTypeSymbol named && TokenShape.IsCompletable(named, cancellationToken)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The strings of a <c>params string[]</c> attribute argument, or null when any is not a string.</summary>
        private static List<string>? Strings(TypedConstant argument)
        {
            if (argument.Kind != TypedConstantKind.Array || argument.IsNull)
            {
                return null;
            }

            var values = new List<string>(argument.Values.Length);
            foreach (var item in argument.Values)
            {
                if (item.Value is not string s)
                {
                    return null;
                }

                values.Add(s);
            }

            return values;
        }

        /// <summary>Orders requirements by key (ordinal) and keeps one per key.</summary>
        public static EquatableArray<RequirementSpec> Distinct(IEnumerable<RequirementSpec> specs)
        {
            var byKey = new SortedDictionary<string, RequirementSpec>(StringComparer.Ordinal);
            foreach (var spec in specs)
            {
                if (!byKey.ContainsKey(spec.Key))
                {
                    byKey.Add(spec.Key, spec);
                }
            }

            return new EquatableArray<RequirementSpec>(byKey.Values);
        }
    }
}
