using System.Collections.Concurrent;
using System.IO;
using System.Linq;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// Follows builders across methods of the compilation. While the bodies are analyzed (concurrently), it collects
    /// every call of a method in source that takes a builder, with what the call site's body tells about each builder
    /// argument (its protection from above) and about the returned value (the conventions chained onto it), and every use of
    /// such a method as a delegate. At compilation end it decides each endpoint left open: unprotected when some call
    /// site resolves to an unprotected builder (several levels up), protected when every call site protects it, unknown
    /// otherwise (no call site in the compilation, used as a delegate, recursion, an unknown call site).
    /// </summary>
    internal sealed class CallSiteResolver
    {
        private const int MaxDepth = 16;

        private static readonly char[] Whitespace = { ' ', '\t', '\r', '\n' };

        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<CallSite>> _callSites = new ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<CallSite>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _delegates = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<IMethodSymbol>> _delegateInvokes = new ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<IMethodSymbol>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<(IMethodSymbol, int, bool), Outcome> _resolved = new Dictionary<(IMethodSymbol, int, bool), Outcome>();
        private readonly HashSet<(IMethodSymbol, int, bool)> _visiting = new HashSet<(IMethodSymbol, int, bool)>();
        private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<CallSite>> _stores = new ConcurrentDictionary<ISymbol, ConcurrentQueue<CallSite>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _otherUses = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, Outcome> _resolvedMembers = new Dictionary<ISymbol, Outcome>(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _visitingMembers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <summary>A method of the compilation taking a builder: its call sites decide the endpoints it maps.</summary>
        public static bool Follows(IMethodSymbol method, KnownTypes known)
        {
            // A delegate invocation (module(app) on an Action<IEndpointRouteBuilder>) is a call site of the methods
            // converted to that delegate type; any other method must be in the compilation.
            if (method.MethodKind != MethodKind.DelegateInvoke && !ConventionMethods.IsInSource(method))
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (MapCalls.IsBuilderType(parameter.Type, known))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A field, or a property without accessor bodies, declared in this project and holding a route builder
        /// (<c>public static RouteGroupBuilder Routes { get; set; }</c>): endpoints mapped on it are decided by the builders
        /// the project stores in it, provided it is used for nothing but mapping (see <see cref="AddMemberUse"/>).
        /// </summary>
        public static bool FollowsMember(ISymbol member, KnownTypes known)
        {
            // Called for every field and property reference of the project: the type test first, the syntax last.
            return member switch
            {
                IFieldSymbol { IsConst: false, RefKind: RefKind.None } field => IsRouteBuilder(field.Type, known) && !field.DeclaringSyntaxReferences.IsEmpty,
                IPropertySymbol { IsIndexer: false, RefKind: RefKind.None } property => IsRouteBuilder(property.Type, known) && !property.DeclaringSyntaxReferences.IsEmpty && IsAutoProperty(property),
                _ => false,
            };
        }

        private static bool IsAutoProperty(IPropertySymbol property)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
                    || accessors.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A builder endpoints are mapped on (not the application itself, which is the root).</summary>
        private static bool IsRouteBuilder(ITypeSymbol type, KnownTypes known)
            => type.SpecialType == SpecialType.None
                && type.TypeKind is TypeKind.Class or TypeKind.Interface
                && !MapCalls.IsApplication(type, known)
                && (KnownTypes.Eq(type, known.IEndpointRouteBuilder) || type.AllInterfaces.Any(i => KnownTypes.Eq(i, known.IEndpointRouteBuilder)));

        /// <summary>A builder stored in a followed member (<c>Endpoints.Routes = app.MapGroup("/inventory")</c>): a "call site" of its endpoints.</summary>
        public void AddMemberStore(ISimpleAssignmentOperation store, ISymbol member, BuilderFlow flow)
        {
            if (MapCalls.Unwrap(store.Value) is { ConstantValue: { HasValue: true, Value: null } })
            {
                return; // storing null maps nothing
            }

            var site = new CallSite(store.Syntax.GetLocation(), Display(store.Syntax), new[] { (ProtectionState?)flow.EvaluateStored(store) }, null);
            _stores.GetOrAdd(member.OriginalDefinition, _ => new ConcurrentQueue<CallSite>()).Enqueue(site);
        }

        /// <summary>A use of a followed member other than storing a builder or mapping on it: its endpoints stay unknown.</summary>
        public void AddMemberUse(ISymbol member) => _otherUses[member.OriginalDefinition] = true;

        public void AddCallSite(IInvocationOperation call, BuilderFlow flow, KnownTypes known)
            => AddCallSite(call, call.TargetMethod, call.Arguments, call.TargetMethod.ReturnsVoid ? null : flow.EvaluateReturned(call), flow, known);

        /// <summary>A constructor taking a builder (<c>new OrdersEndpoints(app)</c>): a call site of that constructor, nothing returned.</summary>
        public void AddCallSite(IObjectCreationOperation creation, BuilderFlow flow, KnownTypes known)
            => AddCallSite(creation, creation.Constructor!, creation.Arguments, null, flow, known);

        private void AddCallSite(IOperation call, IMethodSymbol target, ImmutableArray<IArgumentOperation> callArguments, ProtectionState? returned, BuilderFlow flow, KnownTypes known)
        {
            var arguments = new ProtectionState?[target.Parameters.Length];
            foreach (var argument in callArguments)
            {
                if (argument.Parameter is { } parameter && parameter.Ordinal < arguments.Length && MapCalls.IsBuilderType(parameter.Type, known))
                {
                    arguments[parameter.Ordinal] = flow.EvaluateArgument(argument.Value);
                }
            }

            var site = new CallSite(call.Syntax.GetLocation(), Display(call.Syntax), arguments, returned);
            _callSites.GetOrAdd(Key(target), _ => new ConcurrentQueue<CallSite>()).Enqueue(site);
        }

        /// <summary>
        /// <paramref name="method"/> is converted to a delegate (of the type whose <c>Invoke</c> is <paramref name="invoke"/>,
        /// when known): the invocations of that delegate type in the compilation are call sites of it too, and calls the
        /// analysis cannot see (the delegate handed to other code) keep its endpoints unknown unless one seen is unprotected.
        /// </summary>
        public void AddDelegate(IMethodSymbol method, IMethodSymbol? invoke)
        {
            var definition = MapCalls.Definition(method);
            _delegates[definition] = true;
            if (invoke is not null)
            {
                _delegateInvokes.GetOrAdd(definition, _ => new ConcurrentQueue<IMethodSymbol>()).Enqueue(invoke);
            }
        }

        /// <summary>Call sites are kept per method definition; a delegate's <c>Invoke</c> per constructed delegate type (Action&lt;IEndpointRouteBuilder&gt;, not Action&lt;T&gt;).</summary>
        private static IMethodSymbol Key(IMethodSymbol method) => method.MethodKind == MethodKind.DelegateInvoke ? method : MapCalls.Definition(method);

        /// <summary>Decides an open state (compilation end only: it reads every call site).</summary>
        public Outcome Resolve(ProtectionState state) => Resolve(state, 0);

        private Outcome Resolve(ProtectionState state, int depth)
        {
            if (state.Decided)
            {
                return Outcome.Protected;
            }

            if (state.UnknownReason is { } reason)
            {
                return Outcome.Unknown(reason);
            }

            if (state.OpenMember is { } member)
            {
                return ResolveMember(member.OriginalDefinition, depth);
            }

            if (!state.Open || state.OpenMethod is not { } method)
            {
                return Outcome.Unprotected(null);
            }

            return ResolveMethod(MapCalls.Definition(method), state.OpenParameter?.Ordinal ?? -1, state.OpenReturn is not null, depth);
        }

        private Outcome ResolveMethod(IMethodSymbol method, int ordinal, bool returned, int depth)
        {
            var key = (method, ordinal, returned);
            if (_resolved.TryGetValue(key, out var known))
            {
                return known;
            }

            if (depth > MaxDepth || !_visiting.Add(key))
            {
                return Outcome.Unknown(UnknownReasons.Recursive); // not memoized: the outer resolution decides
            }

            var outcome = Aggregate(method, ordinal, returned, depth);
            _visiting.Remove(key);
            _resolved[key] = outcome;
            return outcome;
        }

        /// <summary>A followed member: unprotected when a builder stored in it is, protected when every one is, otherwise unknown.</summary>
        private Outcome ResolveMember(ISymbol member, int depth)
        {
            if (_resolvedMembers.TryGetValue(member, out var known))
            {
                return known;
            }

            if (depth > MaxDepth || !_visitingMembers.Add(member))
            {
                return Outcome.Unknown(UnknownReasons.Recursive);
            }

            Outcome outcome;
            if (_otherUses.ContainsKey(member))
            {
                outcome = Outcome.Unknown(UnknownReasons.MemberUsedOtherwise);
            }
            else if (!_stores.TryGetValue(member, out var stores) || stores.IsEmpty)
            {
                outcome = Outcome.Unknown(UnknownReasons.MemberNeverStored);
            }
            else
            {
                outcome = Decide(stores, 0, returned: false, depth);
            }

            _visitingMembers.Remove(member);
            _resolvedMembers[member] = outcome;
            return outcome;
        }

        /// <summary>Unprotected at the first site (in source order) that is; else unknown when one is; else protected.</summary>
        private Outcome Decide(IEnumerable<CallSite> sites, int ordinal, bool returned, int depth, Outcome? unknown = null)
        {
            foreach (var site in sites.OrderBy(s => s.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(s => s.Location.SourceSpan.Start))
            {
                var outcome = AtSite(site, ordinal, returned, depth);
                if (outcome.Kind == OutcomeKind.Unprotected)
                {
                    return outcome;
                }

                if (outcome.Kind == OutcomeKind.Unknown)
                {
                    unknown ??= outcome;
                }
            }

            return unknown ?? Outcome.Protected;
        }

        private Outcome Aggregate(IMethodSymbol method, int ordinal, bool returned, int depth)
        {
            var targets = DispatchTargets(method);
            var sites = new List<CallSite>();
            var usedAsDelegate = false;
            foreach (var target in targets)
            {
                if (_callSites.TryGetValue(target, out var queue))
                {
                    sites.AddRange(queue);
                }

                usedAsDelegate |= _delegates.ContainsKey(target);
            }

            if (sites.Count == 0)
            {
                return Outcome.Unknown(usedAsDelegate ? UnknownReasons.UsedAsDelegate : UnknownReasons.NoCallSite);
            }

            return Decide(sites, ordinal, returned, depth, usedAsDelegate ? Outcome.Unknown(UnknownReasons.UsedAsDelegate) : null);
        }

        /// <summary>
        /// The method and every member a call may reach it through: the delegate types it was converted to (a list of
        /// <c>Action&lt;IEndpointRouteBuilder&gt;</c> modules invoked as <c>module(app)</c>), the interface members it
        /// implements (a module registered as <c>IModule</c> and called as <c>module.AddRoutes(app)</c>) and the base
        /// methods it overrides (<c>EndpointGroupBase.Map(app)</c>). A call through one of them counts as a call site of this method, with the
        /// same parameter positions.
        /// </summary>
        private List<IMethodSymbol> DispatchTargets(IMethodSymbol method)
        {
            var targets = new List<IMethodSymbol> { method };
            if (_delegateInvokes.TryGetValue(method, out var invokes))
            {
                foreach (var invoke in invokes)
                {
                    if (!targets.Contains(invoke, SymbolEqualityComparer.Default))
                    {
                        targets.Add(invoke);
                    }
                }
            }

            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                targets.Add(MapCalls.Definition(overridden));
            }

            foreach (var explicitMember in method.ExplicitInterfaceImplementations)
            {
                targets.Add(MapCalls.Definition(explicitMember));
            }

            if (!method.IsStatic && method.ContainingType is { } type)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var member in @interface.GetMembers(method.Name))
                    {
                        if (member is IMethodSymbol candidate
                            && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate)?.OriginalDefinition, method))
                        {
                            targets.Add(MapCalls.Definition(candidate));
                        }
                    }
                }
            }

            return targets;
        }

        /// <summary>One call site: protected when its argument or the conventions on its result protect; unprotected when neither can.</summary>
        private Outcome AtSite(CallSite site, int ordinal, bool returned, int depth)
        {
            Outcome? unknown = null;
            Outcome? unprotected = null;
            foreach (var part in Parts(site, ordinal, returned))
            {
                var outcome = part is null ? Outcome.Unknown(UnknownReasons.Escapes) : Resolve(part, depth + 1);
                switch (outcome.Kind)
                {
                    case OutcomeKind.Protected:
                        return outcome;
                    case OutcomeKind.Unknown:
                        unknown ??= outcome;
                        break;
                    default:
                        unprotected ??= outcome.Site is null ? Outcome.Unprotected(site) : outcome;
                        break;
                }
            }

            return unknown ?? unprotected ?? Outcome.Unknown(UnknownReasons.Escapes);
        }

        private static IEnumerable<ProtectionState?> Parts(CallSite site, int ordinal, bool returned)
        {
            if (ordinal >= 0)
            {
                yield return ordinal < site.Arguments.Length ? site.Arguments[ordinal] : null;
            }

            if (returned)
            {
                yield return site.Returned;
            }
        }

        private static string Display(SyntaxNode call)
        {
            var text = call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? member.Expression + "." + member.Name + "(...)"
                : call is InvocationExpressionSyntax invocation ? invocation.Expression + "(...)" : call.ToString();
            text = string.Join(" ", text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries));
            if (text.Length > 80)
            {
                text = "..." + text.Substring(text.Length - 77);
            }

            var line = call.GetLocation().GetLineSpan();
            return "'" + text + "' (" + Path.GetFileName(line.Path) + " line " + (line.StartLinePosition.Line + 1) + ")";
        }

        internal sealed class CallSite(Location location, string display, ProtectionState?[] arguments, ProtectionState? returned)
        {
            public Location Location { get; } = location;

            /// <summary>"'app.MapOrders(...)' (Program.cs line 12)": named in the diagnostic.</summary>
            public string DisplayText { get; } = display;

            public ProtectionState?[] Arguments { get; } = arguments;

            public ProtectionState? Returned { get; } = returned;
        }

        internal enum OutcomeKind
        {
            Protected,
            Unprotected,
            Unknown,
        }

        /// <summary>Made by <see cref="Protected"/>, <see cref="Unprotected"/> and <see cref="Unknown"/>.</summary>
        internal sealed class Outcome(OutcomeKind kind, CallSite? site, string? reason)
        {
            public static readonly Outcome Protected = new Outcome(OutcomeKind.Protected, null, null);

            public OutcomeKind Kind { get; } = kind;

            /// <summary>For an unprotected outcome: the outermost call site where the builder is unprotected.</summary>
            public CallSite? Site { get; } = site;

            /// <summary>For an unknown outcome: why.</summary>
            public string? Reason { get; } = reason;

            public static Outcome Unprotected(CallSite? site) => new Outcome(OutcomeKind.Unprotected, site, null);

            public static Outcome Unknown(string reason) => new Outcome(OutcomeKind.Unknown, null, reason);
        }
    }
}
