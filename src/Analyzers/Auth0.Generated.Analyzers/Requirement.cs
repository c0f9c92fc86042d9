using System.Collections.Immutable;
using Auth0.Generated.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Auth0.Generated.Analyzers
{
    internal enum RequirementKind
    {
        AllScopes,
        AnyScope,
        Roles,
        ClaimEquals,
        ClaimIncludes,
        ClaimCheck,
    }

    /// <summary>The JSON type a ClaimEquals value compares (mirrors the runtime's ClaimValueKind).</summary>
    internal enum EqualsValueKind
    {
        Unknown,
        String,
        Boolean,
        Integer,
        Number,
    }

    /// <summary>One argument of a requirement: its constant value (when the compiler knows it) and where it stands.</summary>
    internal readonly struct RequirementValue
    {
        public RequirementValue(bool hasValue, object? value, Location location, bool isStringLiteral)
        {
            HasValue = hasValue;
            Value = value;
            Location = location;
            IsStringLiteral = isStringLiteral;
        }

        /// <summary>False when the argument is not a compile-time constant (then no rule looks at it).</summary>
        public bool HasValue { get; }

        public object? Value { get; }

        public Location Location { get; }

        public bool IsStringLiteral { get; }
    }

    /// <summary>
    /// A requirement declaration read from an attribute or from a convention call (<c>.RequireScopes(...)</c>), in one
    /// shape so every rule checks both the same way.
    /// </summary>
    internal sealed class Requirement
    {
        public Requirement(RequirementKind kind, string display, Location location)
        {
            Kind = kind;
            Display = display;
            Location = location;
        }

        public RequirementKind Kind { get; }

        /// <summary>How messages name it: <c>[RequireScopes]</c> or <c>.RequireScopes()</c>.</summary>
        public string Display { get; }

        public Location Location { get; }

        /// <summary>Scopes, roles or ClaimIncludes values; the compared value for ClaimEquals.</summary>
        public ImmutableArray<RequirementValue> Values { get; set; } = ImmutableArray<RequirementValue>.Empty;

        /// <summary>False when the values were passed as an array expression the analyzer does not read.</summary>
        public bool ValuesKnown { get; set; } = true;

        public RequirementValue? Claim { get; set; }

        public EqualsValueKind EqualsKind { get; set; }

        public ITypeSymbol? CheckType { get; set; }

        public RequirementValue? CheckMethod { get; set; }

        public bool IsScope => Kind == RequirementKind.AllScopes || Kind == RequirementKind.AnyScope;

        public static readonly ImmutableDictionary<string, RequirementKind> ConventionNames = ImmutableDictionary.CreateRange(
            System.StringComparer.Ordinal,
            new[]
            {
                Pair("RequireScopes", RequirementKind.AllScopes),
                Pair("RequireAnyScope", RequirementKind.AnyScope),
                Pair("RequireRoles", RequirementKind.Roles),
                Pair("RequireClaimEquals", RequirementKind.ClaimEquals),
                Pair("RequireClaimIncludes", RequirementKind.ClaimIncludes),
                Pair("RequireClaimCheck", RequirementKind.ClaimCheck),
            });

        /// <summary>Whether a method is one of the runtime's requirement conventions (matched by name and namespace).</summary>
        public static bool IsConvention(IMethodSymbol method, out RequirementKind kind)
        {
            kind = default;
            var original = method.ReducedFrom ?? method;
            return original.IsExtensionMethod
                && original.ContainingNamespace?.ToDisplayString() == WellKnownNames.RuntimeNamespace
                && ConventionNames.TryGetValue(original.Name, out kind);
        }

        /// <summary>Reads a convention call such as <c>group.RequireScopes("a", "b")</c>.</summary>
        public static Requirement? FromConvention(IInvocationOperation invocation)
        {
            if (!IsConvention(invocation.TargetMethod, out var kind))
            {
                return null;
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? member.Name.GetLocation()
                : invocation.Syntax.GetLocation();
            var requirement = new Requirement(kind, "." + invocation.TargetMethod.Name + "()", location);
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

                switch (kind, parameter.Ordinal)
                {
                    case (RequirementKind.ClaimEquals, 1):
                    case (RequirementKind.ClaimIncludes, 1):
                        requirement.Claim = FromOperation(argument.Value);
                        break;
                    case (RequirementKind.ClaimEquals, 2):
                        requirement.EqualsKind = EqualsKindOf(parameter.Type);
                        values.Add(FromOperation(argument.Value));
                        break;
                }
            }

            requirement.Values = values.ToImmutable();
            return requirement;
        }

        /// <summary>Reads one of our requirement attributes from its syntax.</summary>
        public static Requirement? FromAttribute(AttributeSyntax attribute, IMethodSymbol constructor, RequirementKind kind, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            var requirement = new Requirement(kind, "[" + StripAttributeSuffix(constructor.ContainingType.Name) + "]", attribute.GetLocation());
            var positional = ImmutableArray.CreateBuilder<AttributeArgumentSyntax>();
            if (attribute.ArgumentList is { } list)
            {
                foreach (var argument in list.Arguments)
                {
                    if (argument.NameEquals is not null)
                    {
                        continue;
                    }

                    if (argument.NameColon is not null)
                    {
                        return null; // named positional arguments: rare, not read
                    }

                    positional.Add(argument);
                }
            }

            var values = ImmutableArray.CreateBuilder<RequirementValue>();
            var firstValue = 0;
            switch (kind)
            {
                case RequirementKind.ClaimEquals:
                    if (positional.Count == 2)
                    {
                        requirement.Claim = FromExpression(positional[0].Expression, model, cancellationToken);
                        requirement.EqualsKind = constructor.Parameters.Length == 2 ? EqualsKindOf(constructor.Parameters[1].Type) : EqualsValueKind.Unknown;
                        values.Add(FromExpression(positional[1].Expression, model, cancellationToken));
                    }

                    requirement.Values = values.ToImmutable();
                    return requirement;
                case RequirementKind.ClaimCheck:
                    if (positional.Count == 2)
                    {
                        if (positional[0].Expression is TypeOfExpressionSyntax typeOf)
                        {
                            requirement.CheckType = model.GetTypeInfo(typeOf.Type, cancellationToken).Type;
                        }

                        requirement.CheckMethod = FromExpression(positional[1].Expression, model, cancellationToken);
                    }

                    return requirement;
                case RequirementKind.ClaimIncludes:
                    if (positional.Count == 0)
                    {
                        return requirement;
                    }

                    requirement.Claim = FromExpression(positional[0].Expression, model, cancellationToken);
                    firstValue = 1;
                    break;
            }

            // params string[]: an explicit array argument (or null) is not read.
            if (positional.Count == firstValue + 1
                && model.GetTypeInfo(positional[firstValue].Expression, cancellationToken).ConvertedType is IArrayTypeSymbol)
            {
                requirement.ValuesKnown = false;
            }
            else
            {
                for (var i = firstValue; i < positional.Count; i++)
                {
                    values.Add(FromExpression(positional[i].Expression, model, cancellationToken));
                }
            }

            requirement.Values = values.ToImmutable();
            return requirement;
        }

        private static System.Collections.Generic.KeyValuePair<string, RequirementKind> Pair(string name, RequirementKind kind)
            => new System.Collections.Generic.KeyValuePair<string, RequirementKind>(name, kind);

        public static string StripAttributeSuffix(string name)
            => name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;

        private static EqualsValueKind EqualsKindOf(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_String => EqualsValueKind.String,
            SpecialType.System_Boolean => EqualsValueKind.Boolean,
            SpecialType.System_Int64 => EqualsValueKind.Integer,
            SpecialType.System_Double => EqualsValueKind.Number,
            _ => EqualsValueKind.Unknown,
        };

        private static RequirementValue FromOperation(IOperation operation)
        {
            var constant = operation.ConstantValue;
            var syntax = operation.Syntax;
            return new RequirementValue(constant.HasValue, constant.HasValue ? constant.Value : null, syntax.GetLocation(), IsStringLiteral(syntax));
        }

        private static RequirementValue FromExpression(ExpressionSyntax expression, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            var constant = model.GetConstantValue(expression, cancellationToken);
            return new RequirementValue(constant.HasValue, constant.HasValue ? constant.Value : null, expression.GetLocation(), IsStringLiteral(expression));
        }

        private static bool IsStringLiteral(SyntaxNode syntax) => syntax.IsKind(SyntaxKind.StringLiteralExpression);
    }
}
