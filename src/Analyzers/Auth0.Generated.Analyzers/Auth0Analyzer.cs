using System.Threading;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// What every analyzer of this assembly does the same way: it skips generated code, runs concurrently, and starts each
    /// compilation with the <see cref="KnownTypes"/> resolved once for all of them (registering nothing when the compilation
    /// lacks the types it checks).
    /// </summary>
    public abstract class Auth0Analyzer : DiagnosticAnalyzer
    {
        private protected Auth0Analyzer(params DiagnosticDescriptor[] supportedDiagnostics)
            => SupportedDiagnostics = ImmutableArray.Create(supportedDiagnostics);

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => OnCompilationStart(start, KnownTypes.Create(start.Compilation)));
        }

        private protected abstract void OnCompilationStart(CompilationStartAnalysisContext start, KnownTypes known);

        /// <summary>
        /// Runs <paramref name="analyze"/> on every symbol a requirement attribute can sit on: types and methods, and lambdas
        /// and local functions (found as operations). Attributes are read from symbols (bound once by the compiler), never
        /// by re-binding syntax.
        /// </summary>
        private protected static void RegisterAttributeHolderAction(CompilationStartAnalysisContext start, Action<ISymbol, Action<Diagnostic>, CancellationToken> analyze)
        {
            start.RegisterSymbolAction(c => analyze(c.Symbol, c.ReportDiagnostic, c.CancellationToken), SymbolKind.NamedType, SymbolKind.Method);
            start.RegisterOperationAction(
                c => analyze(c.Operation is IAnonymousFunctionOperation lambda ? lambda.Symbol : ((ILocalFunctionOperation)c.Operation).Symbol, c.ReportDiagnostic, c.CancellationToken),
                OperationKind.AnonymousFunction,
                OperationKind.LocalFunction);
        }
    }
}
