namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// Recognises minimal API endpoint calls (<c>Map*</c>, <c>MapHub&lt;T&gt;</c>, <c>MapGroup</c>), their handlers and the
    /// builder types the protection dataflow follows.
    /// </summary>
    internal static class MapCalls
    {
        private static readonly ImmutableHashSet<string> EndpointMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback", "MapHub");

        /// <summary>Whether the method is one of ASP.NET Core's endpoint (or, with <paramref name="isGroup"/>, group) mapping methods.</summary>
        public static bool IsMapCall(IMethodSymbol method, KnownTypes known, out bool isGroup)
        {
            isGroup = method.Name == "MapGroup";
            if (!isGroup && !EndpointMethods.Contains(method.Name))
            {
                return false; // the cheap test first: most invocations are not Map calls
            }

            method = method.ReducedFrom ?? method;
            if (!method.IsExtensionMethod || method.Parameters.Length == 0
                || !KnownTypes.Eq(method.Parameters[0].Type, known.IEndpointRouteBuilder)
                || method.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Builder")
            {
                isGroup = false;
                return false;
            }

            return true;
        }

        /// <summary>A SignalR hub endpoint: its "handler" is the hub class (<c>MapHub&lt;THub&gt;</c>).</summary>
        public static INamedTypeSymbol? HubOf(IInvocationOperation endpoint)
            => endpoint.TargetMethod is { Name: "MapHub", IsGenericMethod: true, TypeArguments: { Length: 1 } arguments } ? arguments[0] as INamedTypeSymbol : null;

        /// <summary>
        /// The handler of a Map* call when it is a lambda or a method group (with the operation naming it), else null
        /// (no delegate argument, or a delegate from elsewhere).
        /// </summary>
        public static IMethodSymbol? HandlerMethodOf(IInvocationOperation endpoint, out IOperation? handler)
        {
            handler = null;
            foreach (var argument in endpoint.Arguments)
            {
                if (argument.Parameter?.Type is { TypeKind: TypeKind.Delegate } or { SpecialType: SpecialType.System_Delegate })
                {
                    handler = argument.Value;
                }
            }

            handler = Unwrap(handler);
            if (handler is IDelegateCreationOperation creation)
            {
                handler = Unwrap(creation.Target);
            }

            return handler switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                IMethodReferenceOperation reference => reference.Method,
                _ => null,
            };
        }

        /// <summary><c>WebApplication</c>: the root, nothing above it can add conventions.</summary>
        public static bool IsApplication(ITypeSymbol? type, KnownTypes known)
            => type is not null && KnownTypes.Eq(type, known.WebApplication);

        /// <summary>
        /// A type an endpoint or group can be mapped on or conventions added to: <c>IEndpointRouteBuilder</c> and
        /// <c>IEndpointConventionBuilder</c> themselves, anything implementing them (<c>RouteGroupBuilder</c>, a versioned
        /// API builder, <c>WebApplication</c>), and a type parameter constrained to them.
        /// </summary>
        public static bool IsBuilderType(ITypeSymbol? type, KnownTypes known)
        {
            switch (type)
            {
                case null:
                    return false;
                case ITypeParameterSymbol parameter:
                    foreach (var constraint in parameter.ConstraintTypes)
                    {
                        if (IsBuilderType(constraint, known))
                        {
                            return true;
                        }
                    }

                    return false;
            }

            if (IsBuilderInterface(type, known))
            {
                return true;
            }

            foreach (var i in type.AllInterfaces)
            {
                if (IsBuilderInterface(i, known))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsThisArgument(IArgumentOperation argument, IInvocationOperation call)
            => call.Instance is null && call.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0;

        public static IOperation? ReceiverOf(IInvocationOperation invocation)
        {
            if (invocation.Instance is { } instance)
            {
                return instance;
            }

            if (invocation.TargetMethod.IsExtensionMethod)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 0)
                    {
                        return argument.Value;
                    }
                }
            }

            return null;
        }

        public static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }

        /// <summary>"'MapGet /route'" (or the method name alone when the pattern is not a constant).</summary>
        public static string Describe(IInvocationOperation endpoint)
        {
            foreach (var argument in endpoint.Arguments)
            {
                if (argument.Parameter?.Name == "pattern" && argument.Value.ConstantValue is { HasValue: true, Value: string pattern })
                {
                    return "'" + endpoint.TargetMethod.Name + " " + pattern + "'";
                }
            }

            return "'" + endpoint.TargetMethod.Name + "'";
        }

        /// <summary>The method a call site resolution is keyed on: the unreduced, unconstructed definition.</summary>
        public static IMethodSymbol Definition(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

        private static bool IsBuilderInterface(ITypeSymbol type, KnownTypes known)
            => KnownTypes.Eq(type, known.IEndpointRouteBuilder) || KnownTypes.Eq(type, known.IEndpointConventionBuilder) || KnownTypes.Eq(type, known.RouteGroupBuilder);
    }
}
