using System.Linq;

namespace Auth0.Generated.Analyzers
{
    /// <summary>One argument of a requirement: its constant value (when the compiler knows it) and where it stands.</summary>
    internal readonly struct RequirementValue(bool hasValue, object? value, Location location, bool isStringLiteral)
    {
        /// <summary>False when the argument is not a compile-time constant (then no rule looks at it).</summary>
        public bool HasValue { get; } = hasValue;

        public object? Value { get; } = value;

        public Location Location { get; } = location;

        public bool IsStringLiteral { get; } = isStringLiteral;
    }

    /// <summary>
    /// A requirement declaration read from an attribute or from a convention call (<c>.RequireScopes(...)</c>), in one
    /// shape so every rule checks both the same way.
    /// </summary>
    internal sealed class Requirement(RequirementKind kind, string display, Location location)
    {
        public RequirementKind Kind { get; } = kind;

        /// <summary>How messages name it: <c>[RequireScopes]</c> or <c>.RequireScopes()</c>.</summary>
        public string Display { get; } = display;

        public Location Location { get; } = location;

        /// <summary>Scopes, roles or ClaimIncludes values; the compared value for ClaimEquals.</summary>
        public ImmutableArray<RequirementValue> Values { get; set; } = ImmutableArray<RequirementValue>.Empty;

        /// <summary>False when the values were passed as an array expression the analyzer does not read.</summary>
        public bool ValuesKnown { get; set; } = true;

        public RequirementValue? Claim { get; set; }

        /// <summary>For ClaimEquals: the value kind of the bound overload (null when it does not bind to one).</summary>
        public ClaimValueKind? EqualsKind { get; set; }

        public ITypeSymbol? CheckType { get; set; }

        public RequirementValue? CheckMethod { get; set; }

        public bool IsScope => RequirementKinds.Get(Kind).IsScope;

        /// <summary>The convention method names of <see cref="RequirementKinds"/>, by name.</summary>
        public static readonly ImmutableDictionary<string, RequirementKind> ConventionNames = RequirementKinds.All
            .Where(info => info.ConventionName is not null)
            .ToImmutableDictionary(info => info.ConventionName!, info => info.Kind, System.StringComparer.Ordinal);

        /// <summary>Whether a method is one of the runtime's requirement conventions (matched by name and namespace).</summary>
        public static bool IsConvention(IMethodSymbol method, out RequirementKind kind)
        {
            kind = default;
            var original = method.ReducedFrom ?? method;
            if (!original.IsExtensionMethod
                || original.ContainingNamespace?.ToDisplayString() != WellKnownNames.RuntimeNamespace
                || RequirementKinds.ByConventionName(original.Name) is not { } info)
            {
                return false;
            }

            kind = info.Kind;
            return true;
        }

        /// <summary>Reads a convention call such as <c>group.RequireScopes("a", "b")</c>.</summary>
        public static Requirement? FromConvention(IInvocationOperation invocation)
        {
            if (!IsConvention(invocation.TargetMethod, out var kind))
            {
                return null;
            }

            var requirement = new Requirement(kind, "." + invocation.TargetMethod.Name + "()", SyntaxHelpers.NameLocation(invocation.Syntax));
            var values = ImmutableArray.CreateBuilder<RequirementValue>();
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null || parameter.Ordinal == 0)
                {
                    continue; // the builder ('this')
                }

                if (parameter.IsParams)
                {
                    if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        foreach (var element in initializer.ElementValues)
                        {
                            values.Add(FromOperation(element));
                        }
                    }
                    else
                    {
                        requirement.ValuesKnown = false;
                    }

                    continue;
                }

                switch (RequirementKinds.Get(kind).Arguments, parameter.Ordinal)
                {
                    case (RequirementArguments.ClaimAndValue, 1):
                    case (RequirementArguments.ClaimAndValues, 1):
                        requirement.Claim = FromOperation(argument.Value);
                        break;
                    case (RequirementArguments.ClaimAndValue, 2):
                        requirement.EqualsKind = ClaimTypes.EqualsValueKind(parameter.Type);
                        values.Add(FromOperation(argument.Value));
                        break;
                }
            }

            requirement.Values = values.ToImmutable();
            return requirement;
        }

        /// <summary>
        /// Reads one of our requirement attributes from its bound data (no semantic model needed: the compiler has
        /// bound attributes already), with argument locations taken from the attribute's syntax.
        /// </summary>
        public static Requirement? FromAttribute(AttributeData data, RequirementKind kind, System.Threading.CancellationToken cancellationToken)
        {
            if (data.AttributeConstructor is not { } constructor || data.AttributeClass is not { } attributeClass)
            {
                return null; // does not bind: the compiler reports it
            }

            var syntax = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var attributeLocation = syntax?.GetLocation() ?? Location.None;
            var positional = new System.Collections.Generic.List<ExpressionSyntax>();
            if (syntax?.ArgumentList is { } list)
            {
                foreach (var argument in list.Arguments)
                {
                    if (argument.NameColon is not null)
                    {
                        return null; // named positional arguments: rare, not mapped
                    }

                    if (argument.NameEquals is null)
                    {
                        positional.Add(argument.Expression);
                    }
                }
            }

            var requirement = new Requirement(kind, "[" + StripAttributeSuffix(attributeClass.Name) + "]", attributeLocation);
            var arguments = data.ConstructorArguments;
            RequirementValue At(int index) => FromConstant(arguments[index], index < positional.Count ? positional[index] : null, attributeLocation);

            switch (RequirementKinds.Get(kind).Arguments)
            {
                case RequirementArguments.ClaimAndValue when arguments.Length == 2:
                    requirement.Claim = At(0);
                    requirement.EqualsKind = ClaimTypes.EqualsValueKind(constructor.Parameters[1].Type);
                    requirement.Values = ImmutableArray.Create(At(1));
                    return requirement;
                case RequirementArguments.TypeAndMethod when arguments.Length == 2:
                    requirement.CheckType = arguments[0].Value as ITypeSymbol;
                    requirement.CheckMethod = At(1);
                    return requirement;
                case RequirementArguments.ClaimAndValues when arguments.Length == 2:
                    requirement.Claim = At(0);
                    ReadParams(requirement, arguments[1], positional, 1, attributeLocation);
                    return requirement;
                case RequirementArguments.Values when arguments.Length == 1:
                    ReadParams(requirement, arguments[0], positional, 0, attributeLocation);
                    return requirement;
                case RequirementArguments.None when arguments.Length == 0:
                    return requirement;
                default:
                    return null;
            }
        }

        private static void ReadParams(Requirement requirement, TypedConstant array, System.Collections.Generic.List<ExpressionSyntax> positional, int first, Location attributeLocation)
        {
            if (array.Kind != TypedConstantKind.Array || array.IsNull)
            {
                requirement.ValuesKnown = false;
                return;
            }

            // Expanded form (each value its own argument) maps element i to argument first + i; an explicit array maps to the attribute.
            var elements = array.Values;
            var expanded = positional.Count == first + elements.Length
                && !(elements.Length == 1 && positional[first] is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax);
            var values = ImmutableArray.CreateBuilder<RequirementValue>(elements.Length);
            for (var i = 0; i < elements.Length; i++)
            {
                values.Add(FromConstant(elements[i], expanded ? positional[first + i] : null, attributeLocation));
            }

            requirement.Values = values.MoveToImmutable();
        }

        private static RequirementValue FromConstant(TypedConstant constant, ExpressionSyntax? expression, Location fallback)
        {
            var hasValue = constant.Kind != TypedConstantKind.Error && constant.Kind != TypedConstantKind.Array;
            return new RequirementValue(
                hasValue,
                hasValue ? constant.Value : null,
                expression?.GetLocation() ?? fallback,
                expression is not null && IsStringLiteral(expression));
        }

        public static string StripAttributeSuffix(string name)
            => name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;


        private static RequirementValue FromOperation(IOperation operation)
        {
            var constant = operation.ConstantValue;
            var syntax = operation.Syntax;
            return new RequirementValue(constant.HasValue, constant.HasValue ? constant.Value : null, syntax.GetLocation(), IsStringLiteral(syntax));
        }

        private static bool IsStringLiteral(SyntaxNode syntax) => syntax.IsKind(SyntaxKind.StringLiteralExpression);
    }
}
