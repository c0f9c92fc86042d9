namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// The builder-chain dataflow inside one method body: from an endpoint (or a builder passed to a method) down through
    /// chained conventions and the locals that hold it, and up through enclosing groups to the builder it was mapped on.
    /// Whatever leaves the body (a parameter, a returned builder) is left open for <see cref="CallSiteResolver"/>.
    /// </summary>
    internal sealed class BuilderFlow
    {
        private const int MaxDepth = 8;

        private readonly KnownTypes _known;
        private readonly BlockIndex _index;
        private readonly ConventionMethods _methods;

        /// <summary>The store <see cref="EvaluateStored"/> is evaluating: the walk up from the stored builder ends there.</summary>
        private ISimpleAssignmentOperation? _store;

        public BuilderFlow(KnownTypes known, BlockIndex index, ConventionMethods methods)
        {
            _known = known;
            _index = index;
            _methods = methods;
        }

        /// <summary>An endpoint's protection as far as this body tells: handler attributes, its conventions, its groups.</summary>
        public ProtectionState EvaluateEndpoint(IInvocationOperation endpoint)
        {
            var state = new ProtectionState();
            EvaluateHandler(endpoint, state);
            EvaluateUpward(endpoint, state, 0, isEndpoint: true);
            EvaluateParent(MapCalls.ReceiverOf(endpoint), state, 0);
            return state;
        }

        /// <summary>The protection a builder passed as an argument already has from above (its groups and their conventions).</summary>
        public ProtectionState EvaluateArgument(IOperation value)
        {
            var state = new ProtectionState();
            EvaluateParent(value, state, 0);
            return state;
        }

        /// <summary>
        /// The protection a builder stored in a followed field or property has from above (<c>Endpoints.Routes =
        /// app.MapGroup("/inventory")</c>). The store itself adds nothing: the member's other uses are checked project-wide
        /// (<see cref="CallSiteResolver.AddMemberUse"/>).
        /// </summary>
        public ProtectionState EvaluateStored(ISimpleAssignmentOperation store)
        {
            var state = new ProtectionState();
            _store = store;
            try
            {
                EvaluateParent(store.Value, state, 0);
            }
            finally
            {
                _store = null;
            }

            return state;
        }

        /// <summary>What a caller does with the builder a method returned: chained conventions, conventions on the local holding it.</summary>
        public ProtectionState EvaluateReturned(IInvocationOperation call)
        {
            var state = new ProtectionState();
            EvaluateUpward(call, state, 0, isEndpoint: false);
            return state;
        }

        /// <summary>Attributes on the handler: a lambda's or a method group's ([Authorize], [AllowAnonymous], our requirements), or a hub class's.</summary>
        private void EvaluateHandler(IInvocationOperation endpoint, ProtectionState state)
        {
            if (MapCalls.HubOf(endpoint) is { } hub)
            {
                for (var current = hub; current is not null; current = current.BaseType)
                {
                    ApplyAttributes(current, state);
                }

                return;
            }

            var method = MapCalls.HandlerMethodOf(endpoint, out _);
            if (method is null)
            {
                state.MarkUnknown(UnknownReasons.ForeignHandler);
                return;
            }

            ApplyAttributes(method, state);
        }

        private void ApplyAttributes(ISymbol symbol, ProtectionState state)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (_known.IsAllowAnonymous(attribute.AttributeClass))
                {
                    state.AllowAnonymous = true;
                }
                else if (_known.IsAuthorizeData(attribute.AttributeClass))
                {
                    state.Protected = true;
                    state.HandlerHasRequirement |= _known.KindOf(attribute.AttributeClass) is not null;
                }
            }
        }

        /// <summary>
        /// Follows the value a call (or a reference) produces: chained conventions (<c>.RequireAuthorization()</c>), every
        /// use of the local it is stored in, a return from the method (left open), a method of yours it is passed to.
        /// </summary>
        private void EvaluateUpward(IOperation producer, ProtectionState state, int depth, bool isEndpoint)
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
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation call:
                        var proceed = MapCalls.IsThisArgument(argument, call)
                            ? ApplyCall(call, state, depth, isEndpoint)
                            : ApplyPassedTo(call, argument, state, depth);
                        if (!proceed || call.TargetMethod.ReturnsVoid)
                        {
                            return;
                        }

                        current = call;
                        continue;
                    case IInvocationOperation call when call.Instance == current:
                        if (!ApplyCall(call, state, depth, isEndpoint) || call.TargetMethod.ReturnsVoid)
                        {
                            return;
                        }

                        current = call;
                        continue;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        ApplyUses(declarator.Symbol, state, depth, isEndpoint);
                        return;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                        ApplyUses(target.Local, state, depth, isEndpoint);
                        return;
                    case ISimpleAssignmentOperation assignment when assignment == _store && assignment.Value == current:
                        return;
                    case IReturnOperation returned:
                        if (_index.FunctionOf(returned) is { } function)
                        {
                            state.OpenOnReturn(function);
                        }
                        else
                        {
                            state.MarkUnknown(UnknownReasons.NestedFunctions);
                        }

                        return;
                    case IExpressionStatementOperation:
                        return;
                    case IPropertyReferenceOperation property when property.Instance == current:
                        return; // reading a property of the builder adds nothing
                    default:
                        state.MarkUnknown(UnknownReasons.Escapes);
                        return;
                }
            }
        }

        /// <summary>Every use of a local (or parameter) holding a builder, in this body.</summary>
        private void ApplyUses(ISymbol symbol, ProtectionState state, int depth, bool isEndpoint)
        {
            if (depth > MaxDepth)
            {
                state.MarkUnknown(UnknownReasons.TooDeep);
                return;
            }

            if (_index.WriteCount(symbol) != (symbol is ILocalSymbol ? 1 : 0))
            {
                state.MarkUnknown(UnknownReasons.Reassigned);
                return;
            }

            foreach (var reference in _index.ReferencesTo(symbol))
            {
                EvaluateUpward(reference, state, depth + 1, isEndpoint);
            }
        }

        /// <summary>
        /// Walks from an endpoint or group to the builder it was mapped on: enclosing groups and their conventions, through
        /// chains and locals. Stops at the application (<c>WebApplication</c>, <c>UseEndpoints</c>' builder); a builder
        /// parameter of a method leaves the state open, and so does a field or auto-property of the project (its stores decide);
        /// anything else is unknown.
        /// </summary>
        private void EvaluateParent(IOperation? receiver, ProtectionState state, int depth)
        {
            while (true)
            {
                if (state.Unknown || (state.Protected && state.AllowAnonymous))
                {
                    return;
                }

                if (depth > MaxDepth)
                {
                    state.MarkUnknown(UnknownReasons.TooDeep);
                    return;
                }

                receiver = MapCalls.Unwrap(receiver);
                if (receiver is null)
                {
                    state.MarkUnknown(UnknownReasons.FieldOrProperty);
                    return;
                }

                if (MapCalls.IsApplication(receiver.Type, _known))
                {
                    return; // the root: nothing above it
                }

                switch (receiver)
                {
                    case ILocalReferenceOperation local:
                        if (_index.WriteCount(local.Local) != 1 || _index.SingleWrite(local.Local) is not { } value)
                        {
                            state.MarkUnknown(UnknownReasons.Reassigned);
                            return;
                        }

                        receiver = value;
                        depth++;
                        continue;
                    case IParameterReferenceOperation parameter:
                        EvaluateParameter(parameter, state, depth);
                        return;
                    case IMemberReferenceOperation member when CallSiteResolver.FollowsMember(member.Member, _known):
                        state.OpenOnMember(member.Member); // what the project stores in it decides
                        return;
                    case IInvocationOperation call when MapCalls.IsMapCall(call.TargetMethod, _known, out var isGroup) && isGroup:
                        EvaluateUpward(call, state, depth + 1, isEndpoint: false);
                        receiver = MapCalls.ReceiverOf(call);
                        depth++;
                        continue;
                    case IInvocationOperation call when MapCalls.ReceiverOf(call) is { } inner && MapCalls.IsBuilderType(inner.Type, _known) && !call.TargetMethod.ReturnsVoid:
                        if (!ApplyCall(call, state, depth, isEndpoint: false))
                        {
                            state.MarkUnknown(UnknownReasons.OpaqueUserMethod);
                            return;
                        }

                        receiver = inner;
                        continue;
                    default:
                        state.MarkUnknown(UnknownReasons.FieldOrProperty);
                        return;
                }
            }
        }

        /// <summary>
        /// The builder is a parameter: the conventions this body adds to it count; then <c>UseEndpoints(endpoints =&gt; ...)</c>'s
        /// builder is the root, another lambda's parameter is unknown, and a method's parameter is left to its call sites.
        /// </summary>
        private void EvaluateParameter(IParameterReferenceOperation reference, ProtectionState state, int depth)
        {
            var parameter = reference.Parameter;
            ApplyUses(parameter, state, depth, isEndpoint: false);
            if (state.Unknown || state.Decided)
            {
                return;
            }

            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                state.MarkUnknown(UnknownReasons.FieldOrProperty);
                return;
            }

            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                if (!IsUseEndpointsBuilder(reference, method))
                {
                    state.MarkUnknown(UnknownReasons.LambdaParameter);
                }

                return;
            }

            if (!MapCalls.IsBuilderType(parameter.Type, _known))
            {
                state.MarkUnknown(UnknownReasons.FieldOrProperty);
                return;
            }

            if (method.MethodKind == MethodKind.Constructor && IsPrimaryConstructor(method))
            {
                // Every member of the type may use (and add conventions to) a primary constructor's parameter: this body
                // does not tell what the others do with it.
                state.MarkUnknown(UnknownReasons.PrimaryConstructorParameter);
                return;
            }

            state.OpenOnParameter(parameter);
        }

        private static bool IsPrimaryConstructor(IMethodSymbol constructor)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>app.UseEndpoints(endpoints =&gt; { ... })</c>: the lambda's builder is the application's own.</summary>
        private static bool IsUseEndpointsBuilder(IOperation reference, IMethodSymbol lambda)
        {
            for (var current = reference.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation function && KnownTypes.Eq(function.Symbol, lambda))
                {
                    var outer = current.Parent is IDelegateCreationOperation creation ? creation.Parent : current.Parent;
                    return outer is IArgumentOperation { Parent: IInvocationOperation call }
                        && call.TargetMethod.Name == "UseEndpoints"
                        && call.TargetMethod.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder";
                }
            }

            return false;
        }

        /// <summary>
        /// Applies one call made on an endpoint or group builder. Returns false when the call is not a convention that
        /// returns the same builder (a child Map*/MapGroup call, or a method that returns something else), so the walk stops there.
        /// </summary>
        private bool ApplyCall(IInvocationOperation call, ProtectionState state, int depth, bool isEndpoint)
        {
            var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
            if (MapCalls.IsMapCall(method, _known, out _))
            {
                return false; // a child endpoint or group: its conventions are its own
            }

            var ns = _methods.NamespaceOf(method);
            if (method.Name == "RequireAuthorization" && ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            {
                state.Protected = true;
                if (isEndpoint)
                {
                    (state.RequirementCalls ??= new List<IInvocationOperation>()).Add(call);
                }

                return true;
            }

            if (method.Name == "AllowAnonymous" && ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            {
                state.AllowAnonymous = true;
                if (isEndpoint)
                {
                    state.AllowAnonymousCall ??= call;
                }

                return true;
            }

            if (Requirement.ConventionNames.ContainsKey(method.Name) && Requirement.IsConvention(method, out _))
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
                state.MarkUnknown(UnknownReasons.RawConvention); // a raw convention may add any metadata, authorization included
                return true;
            }

            if (method.Name == "WithMetadata" && ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            {
                ApplyMetadata(call, state);
                return true;
            }

            if (ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || ns.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
                || ns.StartsWith("System", StringComparison.Ordinal))
            {
                return true; // a framework convention that does not touch authorization (filters do not count)
            }

            return ApplyUserMethod(method, 0, state, depth);
        }

        /// <summary>The builder is passed (not as <c>this</c>) to a method: one of yours in source is read; anything else is unknown.</summary>
        private bool ApplyPassedTo(IInvocationOperation call, IArgumentOperation argument, ProtectionState state, int depth)
        {
            if (argument.Parameter is not { } parameter || !ConventionMethods.IsInSource(call.TargetMethod))
            {
                state.MarkUnknown(UnknownReasons.Escapes);
                return false;
            }

            return ApplyUserMethod(call.TargetMethod, parameter.Ordinal, state, depth);
        }

        private bool ApplyUserMethod(IMethodSymbol method, int ordinal, ProtectionState state, int depth)
        {
            if (depth > MaxDepth)
            {
                state.MarkUnknown(UnknownReasons.TooDeep);
                return false;
            }

            var effect = _methods.EffectOn(method, ordinal);
            if (effect.Unknown)
            {
                state.MarkUnknown(UnknownReasons.OpaqueUserMethod);
            }

            state.Protected |= effect.Protects;
            state.AllowAnonymous |= effect.AllowsAnonymous;
            return effect.ReturnsParameter;
        }

        private void ApplyMetadata(IInvocationOperation call, ProtectionState state)
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
                    var value = MapCalls.Unwrap(item);
                    if (_known.IsAllowAnonymous(value?.Type))
                    {
                        state.AllowAnonymous = true;
                    }
                    else if (_known.IsAuthorizeData(value?.Type))
                    {
                        state.Protected = true;
                    }
                    else if (value is not IObjectCreationOperation)
                    {
                        state.MarkUnknown(UnknownReasons.RawConvention); // its runtime type may implement IAuthorizeData
                    }
                }
            }
        }
    }
}
