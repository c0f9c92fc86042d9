using System.Collections.Concurrent;
using System.Linq;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// A0G001: endpoints nothing protects (minimal API <c>Map*</c> calls decided inside their own method body, and
    /// controller actions), reported live; A0G004: endpoints mapped on a builder a method received, unprotected through
    /// one of its call sites (compilation end); A0G003 (opt-in): endpoints whose protection could not be established
    /// (compilation end); A0G002: <c>AllowAnonymous()</c> combined with a requirement on the same minimal API endpoint.
    /// The dataflow is in <see cref="BuilderFlow"/>, the cross-method part in <see cref="CallSiteResolver"/>, controllers in
    /// <see cref="ControllerDiscovery"/>. See docs/diagnostics/A0G001.md for exactly what is understood.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EndpointProtectionAnalyzer : Auth0Analyzer
    {
        public EndpointProtectionAnalyzer()
            : base(
                Descriptors.UnprotectedRoute,
                Descriptors.AllowAnonymousOverridesRequirement,
                Descriptors.ProtectionNotEstablished,
                Descriptors.UnprotectedThroughCallSite)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownTypes known)
        {
            if (known.IAuthorizeData is null || known.IAllowAnonymous is null)
            {
                return; // not an ASP.NET Core project
            }

            var facts = new ProjectFacts(start.Compilation);
            if (known.IEndpointRouteBuilder is not null)
            {
                var run = new MinimalApiRun(known, facts);
                start.RegisterOperationBlockAction(run.AnalyzeBlock);
                start.RegisterCompilationEndAction(run.Resolve);
            }

            if (known.ControllerBase is not null)
            {
                start.RegisterSymbolAction(c => ControllerDiscovery.Analyze(c, known, facts), SymbolKind.NamedType);
            }
        }

        /// <summary>One compilation's minimal API analysis: bodies first (concurrently), then the open endpoints at the end.</summary>
        private sealed class MinimalApiRun
        {
            private readonly KnownTypes _known;
            private readonly ProjectFacts _facts;
            private readonly ConventionMethods _methods = new ConventionMethods();
            private readonly CallSiteResolver _resolver = new CallSiteResolver();
            private readonly ConcurrentQueue<PendingEndpoint> _pending = new ConcurrentQueue<PendingEndpoint>();

            public MinimalApiRun(KnownTypes known, ProjectFacts facts)
            {
                _known = known;
                _facts = facts;
            }

            public void AnalyzeBlock(OperationBlockAnalysisContext context)
            {
                List<IInvocationOperation>? endpoints = null;
                List<IInvocationOperation>? calls = null;
                List<IObjectCreationOperation>? creations = null;
                List<(ISimpleAssignmentOperation, ISymbol)>? stores = null;
                var index = new BlockIndex(context.OwningSymbol);
                foreach (var block in context.OperationBlocks)
                {
                    foreach (var operation in block.DescendantsAndSelf())
                    {
                        index.Add(operation);
                        switch (operation)
                        {
                            case IInvocationOperation invocation when MapCalls.IsMapCall(invocation.TargetMethod, _known, out var isGroup):
                                if (!isGroup)
                                {
                                    (endpoints ??= new List<IInvocationOperation>()).Add(invocation);
                                }

                                break;
                            case IInvocationOperation invocation when CallSiteResolver.Follows(invocation.TargetMethod, _known):
                                (calls ??= new List<IInvocationOperation>()).Add(invocation);
                                break;
                            case IObjectCreationOperation { Constructor: { } constructor } creation when CallSiteResolver.Follows(constructor, _known):
                                (creations ??= new List<IObjectCreationOperation>()).Add(creation);
                                break;
                            case IMemberReferenceOperation reference when CallSiteResolver.FollowsMember(reference.Member, _known):
                                if (reference.Parent is ISimpleAssignmentOperation store && store.Target == reference)
                                {
                                    (stores ??= new List<(ISimpleAssignmentOperation, ISymbol)>()).Add((store, reference.Member));
                                }
                                else if (!MapsOn(reference))
                                {
                                    _resolver.AddMemberUse(reference.Member);
                                }

                                break;
                            case ISymbolInitializerOperation initializer when MapCalls.Unwrap(initializer.Value) is not { ConstantValue: { HasValue: true, Value: null } }:
                                foreach (var member in InitializedMembers(initializer))
                                {
                                    _resolver.AddMemberUse(member); // an initializer's builder is not followed
                                }

                                break;
                            case IMethodReferenceOperation reference when CallSiteResolver.Follows(reference.Method, _known):
                                _resolver.AddDelegate(reference.Method, reference.Parent is IDelegateCreationOperation { Type: INamedTypeSymbol { DelegateInvokeMethod: { } invoke } } ? invoke : null);
                                break;
                        }
                    }
                }

                if (endpoints is null && calls is null && creations is null && stores is null)
                {
                    return;
                }

                var flow = new BuilderFlow(_known, index, _methods);
                foreach (var (store, member) in stores ?? Enumerable.Empty<(ISimpleAssignmentOperation, ISymbol)>())
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    _resolver.AddMemberStore(store, member, flow);
                }

                foreach (var call in calls ?? Enumerable.Empty<IInvocationOperation>())
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    _resolver.AddCallSite(call, flow, _known);
                }

                foreach (var creation in creations ?? Enumerable.Empty<IObjectCreationOperation>())
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    _resolver.AddCallSite(creation, flow, _known);
                }

                foreach (var endpoint in endpoints ?? Enumerable.Empty<IInvocationOperation>())
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var state = flow.EvaluateEndpoint(endpoint);
                    ReportAllowAnonymousConflicts(context, state);
                    if (state.Decided || _facts.HasFallbackPolicy)
                    {
                        continue;
                    }

                    var location = SyntaxHelpers.NameLocation(endpoint.Syntax);
                    if (state.Unknown || state.Open)
                    {
                        state.ForgetOperations();
                        _pending.Enqueue(new PendingEndpoint(location, MapCalls.Describe(endpoint), state));
                        continue;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.UnprotectedRoute,
                        location,
                        ImmutableDictionary<string, string?>.Empty.Add(Descriptors.EndpointKindProperty, EndpointKinds.MinimalApi),
                        MapCalls.Describe(endpoint)));
                }
            }

            /// <summary>Compilation end: endpoints whose protection depends on call sites, and those that stay unknown.</summary>
            public void Resolve(CompilationAnalysisContext context)
            {
                foreach (var endpoint in _pending.OrderBy(p => p.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(p => p.Location.SourceSpan.Start))
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var outcome = _resolver.Resolve(endpoint.State);
                    if (outcome.Kind == CallSiteResolver.OutcomeKind.Unprotected && outcome.Site is { } site)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.UnprotectedThroughCallSite,
                            endpoint.Location,
                            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.EndpointKindProperty, EndpointKinds.MinimalApi),
                            endpoint.Description,
                            site.DisplayText));
                    }
                    else if (outcome.Kind == CallSiteResolver.OutcomeKind.Unknown)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.ProtectionNotEstablished,
                            endpoint.Location,
                            endpoint.Description,
                            outcome.Reason));
                    }
                }
            }

            /// <summary>Whether a read of a followed member is the builder an endpoint or group is mapped on (<c>Routes.MapGet(...)</c>).</summary>
            private bool MapsOn(IOperation reference)
            {
                var current = reference;
                while (current.Parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = current.Parent;
                }

                var call = current.Parent switch
                {
                    IInvocationOperation invocation when invocation.Instance == current => invocation,
                    IArgumentOperation { Parent: IInvocationOperation invocation } argument when MapCalls.IsThisArgument(argument, invocation) => invocation,
                    _ => null,
                };
                return call is not null && MapCalls.IsMapCall(call.TargetMethod, _known, out _);
            }

            private IEnumerable<ISymbol> InitializedMembers(ISymbolInitializerOperation initializer)
            {
                var members = initializer switch
                {
                    IFieldInitializerOperation field => field.InitializedFields.Cast<ISymbol>(),
                    IPropertyInitializerOperation property => property.InitializedProperties.Cast<ISymbol>(),
                    _ => Enumerable.Empty<ISymbol>(),
                };
                return members.Where(member => CallSiteResolver.FollowsMember(member, _known));
            }

            private static void ReportAllowAnonymousConflicts(OperationBlockAnalysisContext context, ProtectionState state)
            {
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
            }
        }

        private sealed class PendingEndpoint(Location location, string description, ProtectionState state)
        {
            public Location Location { get; } = location;

            public string Description { get; } = description;

            public ProtectionState State { get; } = state;
        }
    }
}
