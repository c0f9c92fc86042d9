using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// A0G001: endpoints nothing protects (minimal API <c>Map*</c> calls and controller actions), and A0G002 for
    /// <c>AllowAnonymous()</c> combined with a requirement on the same minimal API endpoint.
    /// See docs/diagnostics/A0G001.md for exactly what is understood; whatever is not understood counts as "maybe
    /// protected" and silences the warning (precision over recall).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EndpointProtectionAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxDepth = 8;

        private static readonly ImmutableHashSet<string> EndpointMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback");

        /// <summary>Framework conventions that are known not to change authorization (for user helpers' bodies).</summary>
        private static readonly ImmutableHashSet<string> NeutralConventionPrefixes = ImmutableHashSet.Create(
            StringComparer.Ordinal, "With", "Produces", "Accepts", "Add", "Cache", "Disable", "Exclude", "Short", "RequireCors", "RequireRateLimiting", "RequireHost");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.UnprotectedRoute,
            Descriptors.AllowAnonymousOverridesRequirement);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownTypes.Create(start.Compilation);
                if (known.IAuthorizeData is null || known.IAllowAnonymous is null)
                {
                    return; // not an ASP.NET Core project
                }

                var facts = new ProjectFacts(start.Compilation);
                if (known.IEndpointRouteBuilder is not null)
                {
                    start.RegisterOperationBlockAction(c => AnalyzeBlock(c, known, facts));
                }

                if (known.ControllerBase is not null)
                {
                    start.RegisterSymbolAction(c => AnalyzeController(c, known, facts), SymbolKind.NamedType);
                }
            });
        }

        // ---- minimal APIs ----

        private static void AnalyzeBlock(OperationBlockAnalysisContext context, KnownTypes known, ProjectFacts facts)
        {
            List<IInvocationOperation>? endpoints = null;
            var index = new BlockIndex();
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.Descendants())
                {
                    switch (operation)
                    {
                        case IInvocationOperation invocation:
                            if (IsMapCall(invocation.TargetMethod, known, out var isGroup) && !isGroup)
                            {
                                (endpoints ??= new List<IInvocationOperation>()).Add(invocation);
                            }

                            if (Unwrap(ReceiverOf(invocation)) is ILocalReferenceOperation local)
                            {
                                index.AddCall(local.Local, invocation);
                            }

                            break;
                        case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                            index.AddWrite(declarator.Symbol, initializer.Value);
                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                            index.AddWrite(target.Local, assignment.Value);
                            break;
                    }
                }
            }

            if (endpoints is null)
            {
                return;
            }

            foreach (var endpoint in endpoints)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var state = new State();
                EvaluateHandler(endpoint, known, state);
                EvaluateUpward(endpoint, known, index, state, 0, isEndpoint: true);
                EvaluateParent(ReceiverOf(endpoint), known, index, state, 0);

                if (state.AllowAnonymous && state.RequirementCalls is { } requirementCalls)
                {
                    foreach (var call in requirementCalls)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.AllowAnonymousOverridesRequirement, SyntaxHelpers.NameLocation(call.Syntax), "." + call.TargetMethod.Name + "()"));
                    }
                }
                else if (state.AllowAnonymousCall is { } anonymousCall && state.HandlerHasRequirement)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.AllowAnonymousOverridesRequirement, SyntaxHelpers.NameLocation(anonymousCall.Syntax), "The handler's requirement attribute"));
                }

                if (!state.Protected && !state.AllowAnonymous && !state.Unknown && !facts.HasFallbackPolicy)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.UnprotectedRoute,
                        SyntaxHelpers.NameLocation(endpoint.Syntax),
                        ImmutableDictionary<string, string?>.Empty.Add(Descriptors.EndpointKindProperty, EndpointKinds.MinimalApi),
                        Describe(endpoint)));
                }
            }
        }

        /// <summary>Attributes on the handler: a lambda's or a method group's ([Authorize], [AllowAnonymous], our requirements).</summary>
        private static void EvaluateHandler(IInvocationOperation endpoint, KnownTypes known, State state)
        {
            var method = HandlerMethodOf(endpoint, out _);
            if (method is null)
            {
                state.Unknown = true; // a delegate from elsewhere may carry attributes we cannot see
                return;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (known.IsAllowAnonymous(attribute.AttributeClass))
                {
                    state.AllowAnonymous = true;
                }
                else if (known.IsAuthorizeData(attribute.AttributeClass))
                {
                    state.Protected = true;
                    state.HandlerHasRequirement |= known.KindOf(attribute.AttributeClass) is not null;
                }
            }
        }

        /// <summary>
        /// Follows the value a Map*/MapGroup call produces: chained conventions (<c>.RequireAuthorization()</c>), and when
        /// it is stored in a local, every convention called on that local in the same body.
        /// </summary>
        private static void EvaluateUpward(IOperation producer, KnownTypes known, BlockIndex index, State state, int depth, bool isEndpoint)
        {
            var current = producer;
            while (true)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IConversionOperation or IParenthesizedOperation:
                        current = parent;
                        continue;
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation call && IsThisArgument(argument, call):
                        if (!ApplyCall(call, known, state, depth, isEndpoint) || call.TargetMethod.ReturnsVoid)
                        {
                            return;
                        }

                        current = call;
                        continue;
                    case IInvocationOperation call when call.Instance == current:
                        if (!ApplyCall(call, known, state, depth, isEndpoint) || call.TargetMethod.ReturnsVoid)
                        {
                            return;
                        }

                        current = call;
                        continue;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        ApplyLocal(declarator.Symbol, known, index, state, depth, isEndpoint);
                        return;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                        ApplyLocal(target.Local, known, index, state, depth, isEndpoint);
                        return;
                    case IExpressionStatementOperation:
                        return;
                    default:
                        // Returned, passed to a method, stored in a field or property: protection may be added elsewhere.
                        state.Unknown = true;
                        return;
                }
            }
        }

        private static void ApplyLocal(ILocalSymbol local, KnownTypes known, BlockIndex index, State state, int depth, bool isEndpoint)
        {
            if (index.WriteCount(local) != 1)
            {
                state.Unknown = true; // reassigned: we do not track which value each call sees
                return;
            }

            foreach (var call in index.CallsOn(local))
            {
                if (ApplyCall(call, known, state, depth, isEndpoint) && !call.TargetMethod.ReturnsVoid)
                {
                    EvaluateUpward(call, known, index, state, depth + 1, isEndpoint);
                }
            }
        }

        /// <summary>
        /// Walks from an endpoint or group to the builder it was mapped on: enclosing groups and their conventions, through
        /// chains and locals. Stops at the application (<c>WebApplication</c>); anything else (a parameter, a field, a
        /// method of the user's own) is unknown.
        /// </summary>
        private static void EvaluateParent(IOperation? receiver, KnownTypes known, BlockIndex index, State state, int depth)
        {
            while (true)
            {
                if (depth > MaxDepth || state.Unknown || (state.Protected && state.AllowAnonymous))
                {
                    if (depth > MaxDepth)
                    {
                        state.Unknown = true;
                    }

                    return;
                }

                receiver = Unwrap(receiver);
                if (receiver is null)
                {
                    state.Unknown = true;
                    return;
                }

                if (IsApplication(receiver.Type, known))
                {
                    return; // the root: nothing above it
                }

                switch (receiver)
                {
                    case ILocalReferenceOperation local:
                        if (index.WriteCount(local.Local) != 1 || index.SingleWrite(local.Local) is not { } value)
                        {
                            state.Unknown = true;
                            return;
                        }

                        receiver = value;
                        depth++;
                        continue;
                    case IInvocationOperation call when IsMapCall(call.TargetMethod, known, out var isGroup) && isGroup:
                        EvaluateUpward(call, known, index, state, depth + 1, isEndpoint: false);
                        receiver = ReceiverOf(call);
                        depth++;
                        continue;
                    case IInvocationOperation call when ReceiverOf(call) is { } inner && IsBuilderType(inner.Type, known) && !call.TargetMethod.ReturnsVoid:
                        if (!ApplyCall(call, known, state, depth, isEndpoint: false))
                        {
                            state.Unknown = true;
                            return;
                        }

                        receiver = inner;
                        continue;
                    default:
                        state.Unknown = true;
                        return;
                }
            }
        }

        /// <summary>
        /// Applies one call made on an endpoint or group builder. Returns false when the call is not a convention that
        /// returns the same builder (a child Map*/MapGroup call, or an unknown method), so the walk stops there.
        /// </summary>
        private static bool ApplyCall(IInvocationOperation call, KnownTypes known, State state, int depth, bool isEndpoint)
        {
            var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
            if (IsMapCall(method, known, out _))
            {
                return false; // a child endpoint or group, not a convention on this builder
            }

            var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (method.Name == "RequireAuthorization" && ns == "Microsoft.AspNetCore.Builder")
            {
                state.Protected = true;
                return true;
            }

            if (method.Name == "AllowAnonymous" && ns == "Microsoft.AspNetCore.Builder")
            {
                state.AllowAnonymous = true;
                if (isEndpoint)
                {
                    state.AllowAnonymousCall ??= call;
                }

                return true;
            }

            if (Requirement.IsConvention(method, out _))
            {
                state.Protected = true;
                if (isEndpoint)
                {
                    (state.RequirementCalls ??= new List<IInvocationOperation>()).Add(call);
                }

                return true;
            }

            if (method.Name is "Add" or "Finally" && !method.IsExtensionMethod && !method.IsStatic)
            {
                state.Unknown = true; // a raw convention may add any metadata, authorization included
                return true;
            }

            if (method.Name == "WithMetadata" && ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            {
                ApplyMetadata(call, known, state);
                return true;
            }

            if (ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || ns.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
                || ns.StartsWith("System", StringComparison.Ordinal))
            {
                return true; // a framework convention that does not touch authorization (filters do not count)
            }

            ApplyUserMethod(method, state, depth);
            return true;
        }

        private static void ApplyMetadata(IInvocationOperation call, KnownTypes known, State state)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is null || argument.Parameter.Ordinal == 0)
                {
                    continue;
                }

                IEnumerable<IOperation> items = argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                    ? initializer.ElementValues
                    : new[] { argument.Value };
                foreach (var item in items)
                {
                    var value = Unwrap(item);
                    if (known.IsAllowAnonymous(value?.Type))
                    {
                        state.AllowAnonymous = true;
                    }
                    else if (known.IsAuthorizeData(value?.Type))
                    {
                        state.Protected = true;
                    }
                    else if (value is not IObjectCreationOperation)
                    {
                        state.Unknown = true; // its runtime type may implement IAuthorizeData
                    }
                }
            }
        }

        /// <summary>
        /// A method of the user's own called on the builder. In source: its body is read syntactically; a call named
        /// RequireAuthorization, AllowAnonymous or one of our conventions counts. A body that calls only framework
        /// conventions known not to touch authorization is neutral; anything else, and any method without source, is unknown.
        /// </summary>
        private static void ApplyUserMethod(IMethodSymbol method, State state, int depth)
        {
            if (method.DeclaringSyntaxReferences.IsEmpty || depth > MaxDepth)
            {
                state.Unknown = true;
                return;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax invocation)
                    {
                        continue;
                    }

                    var name = SyntaxHelpers.NameOf(invocation.Expression) ?? string.Empty;
                    if (name == "RequireAuthorization" || Requirement.ConventionNames.ContainsKey(name))
                    {
                        state.Protected = true;
                        return;
                    }

                    if (name == "AllowAnonymous")
                    {
                        state.AllowAnonymous = true;
                        return;
                    }

                    if (!IsNeutralName(name))
                    {
                        state.Unknown = true;
                    }
                }

                if (reference.GetSyntax().DescendantNodes().Any(n => n is BaseObjectCreationExpressionSyntax))
                {
                    state.Unknown = true; // e.g. WithMetadata(new AuthorizeAttribute())
                }
            }
        }

        private static bool IsNeutralName(string name)
        {
            foreach (var prefix in NeutralConventionPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        // ---- controllers ----

        private static void AnalyzeController(SymbolAnalysisContext context, KnownTypes known, ProjectFacts facts)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!IsController(type, known))
            {
                return;
            }

            var classDecided = false;
            for (var current = type; current is not null && !classDecided; current = current.BaseType)
            {
                classDecided = HasAuthorizationAttribute(current, known);
            }

            if (classDecided)
            {
                return;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsGenericMethod: false } action
                    || action.IsImplicitlyDeclared
                    || action.Locations.IsEmpty
                    || !action.Locations[0].IsInSource
                    || HasAttribute(action, known.NonActionAttribute)
                    || IsNotAnAction(action)
                    || HasAuthorizationAttribute(action, known))
                {
                    continue;
                }

                if (facts.ControllersProtected)
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnprotectedRoute,
                    action.Locations[0],
                    ImmutableDictionary<string, string?>.Empty.Add(Descriptors.EndpointKindProperty, EndpointKinds.ControllerAction),
                    type.Name + "." + action.Name));
            }
        }

        /// <summary>MVC never routes overrides of object's methods (ToString, Equals, ...) or IDisposable.Dispose().</summary>
        private static bool IsNotAnAction(IMethodSymbol method)
        {
            var root = method;
            while (root.OverriddenMethod is { } overridden)
            {
                root = overridden;
            }

            if (root.ContainingType?.SpecialType == SpecialType.System_Object)
            {
                return true;
            }

            return method.Name == "Dispose" && method.Parameters.IsEmpty
                && method.ContainingType!.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable);
        }

        /// <summary>MVC's rule, restricted to what MVC would surely discover: public, concrete, non-generic, not [NonController], deriving from ControllerBase or marked [Controller].</summary>
        private static bool IsController(INamedTypeSymbol type, KnownTypes known)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (outer.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            var isController = false;
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (HasAttribute(current, known.NonControllerAttribute))
                {
                    return false;
                }

                isController |= KnownTypes.Eq(current, known.ControllerBase) || HasAttribute(current, known.ControllerAttribute);
            }

            return isController;
        }

        private static bool HasAuthorizationAttribute(ISymbol symbol, KnownTypes known)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (known.IsAllowAnonymous(attribute.AttributeClass) || known.IsAuthorizeData(attribute.AttributeClass))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
        {
            if (attributeType is null)
            {
                return false;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                for (var current = attribute.AttributeClass; current is not null; current = current.BaseType)
                {
                    if (KnownTypes.Eq(current, attributeType))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // ---- helpers ----

        /// <summary>
        /// The handler of a Map* call when it is a lambda or a method group (with the operation naming it), else null
        /// (no delegate argument, or a delegate from elsewhere).
        /// </summary>
        internal static IMethodSymbol? HandlerMethodOf(IInvocationOperation endpoint, out IOperation? handler)
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

        internal static bool IsMapCall(IMethodSymbol method, KnownTypes known, out bool isGroup)
        {
            isGroup = false;
            method = method.ReducedFrom ?? method;
            if (!method.IsExtensionMethod || method.Parameters.Length == 0
                || !KnownTypes.Eq(method.Parameters[0].Type, known.IEndpointRouteBuilder)
                || method.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Builder")
            {
                return false;
            }

            if (method.Name == "MapGroup")
            {
                isGroup = true;
                return true;
            }

            return EndpointMethods.Contains(method.Name);
        }

        private static bool IsApplication(ITypeSymbol? type, KnownTypes known)
            => type is not null && KnownTypes.Eq(type, known.WebApplication);

        private static bool IsBuilderType(ITypeSymbol? type, KnownTypes known)
        {
            if (type is null)
            {
                return false;
            }

            if (KnownTypes.Eq(type, known.RouteGroupBuilder))
            {
                return true;
            }

            foreach (var i in type.AllInterfaces)
            {
                if (i.Name == "IEndpointConventionBuilder" || KnownTypes.Eq(i, known.IEndpointRouteBuilder))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsThisArgument(IArgumentOperation argument, IInvocationOperation call)
            => call.Instance is null && call.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0;

        private static IOperation? ReceiverOf(IInvocationOperation invocation)
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

        private static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }

        private static string Describe(IInvocationOperation endpoint)
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

        private sealed class State
        {
            public bool Protected { get; set; }

            public bool AllowAnonymous { get; set; }

            public bool Unknown { get; set; }

            public bool HandlerHasRequirement { get; set; }

            public IInvocationOperation? AllowAnonymousCall { get; set; }

            public List<IInvocationOperation>? RequirementCalls { get; set; }
        }

        /// <summary>One pass over a body: the calls made on each local, and every value written to it.</summary>
        private sealed class BlockIndex
        {
            private readonly Dictionary<ILocalSymbol, List<IInvocationOperation>> _calls = new Dictionary<ILocalSymbol, List<IInvocationOperation>>(SymbolEqualityComparer.Default);
            private readonly Dictionary<ILocalSymbol, List<IOperation>> _writes = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);

            public void AddCall(ILocalSymbol local, IInvocationOperation call) => Get(_calls, local).Add(call);

            public void AddWrite(ILocalSymbol local, IOperation value) => Get(_writes, local).Add(value);

            public IReadOnlyList<IInvocationOperation> CallsOn(ILocalSymbol local)
                => _calls.TryGetValue(local, out var calls) ? calls : (IReadOnlyList<IInvocationOperation>)Array.Empty<IInvocationOperation>();

            public int WriteCount(ILocalSymbol local) => _writes.TryGetValue(local, out var writes) ? writes.Count : 0;

            public IOperation? SingleWrite(ILocalSymbol local) => _writes.TryGetValue(local, out var writes) && writes.Count == 1 ? writes[0] : null;

            private static List<T> Get<T>(Dictionary<ILocalSymbol, List<T>> map, ILocalSymbol local)
            {
                if (!map.TryGetValue(local, out var list))
                {
                    list = new List<T>();
                    map[local] = list;
                }

                return list;
            }
        }
    }
}
