using System.Linq;
using Auth0.Generated.Generator.Emit;
using Auth0.Generated.Generator.Parsing;

namespace Auth0.Generated.Generator
{
    /// <summary>
    /// Completes <c>[Auth0Token]</c> classes, emits and registers one check per distinct requirement (attributes and
    /// convention calls), and emits scope constants. It validates nothing: invalid input yields no code, and the
    /// analyzers report it.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class Auth0Generator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // One syntax scan for everything the generator reads: attribute lists naming our attributes and convention
            // calls, matched by name, bound in the transform (DeclarationParser; docs/generator.md, "The pipeline").
            var declarations = context.SyntaxProvider
                .CreateSyntaxProvider(DeclarationParser.IsCandidate, static (ctx, ct) => DeclarationParser.Parse(ctx, ct))
                .Where(static d => d is not null)
                .Select(static (d, _) => d!)
                .WithTrackingName(TrackingNames.Declarations);

            // Token types.
            var tokens = declarations
                .Where(static d => d.Token is not null)
                .Select(static (d, _) => d.Token!)
                .WithTrackingName(TrackingNames.Token);

            context.RegisterSourceOutput(tokens, static (spc, token) => spc.AddSource(TokenEmitter.HintName(token), TokenEmitter.Emit(token)));

            var tokenForChecks = tokens.Collect()
                .Select(static (all, _) => all.Length == 1 ? all[0] : null)
                .WithTrackingName(TrackingNames.Tokens);

            // Requirements: attributes wherever they stand (methods, local functions, lambdas, classes) and conventions
            // (`.RequireScopes("a")` and friends on endpoint builders, with constant arguments).
            var requirements = declarations
                .Where(static d => !d.Requirements.IsEmpty)
                .Select(static (d, _) => d.Requirements)
                .Collect()
                .Select(static (all, _) => RequirementParser.Distinct(all.SelectMany(static r => r)))
                .WithTrackingName(TrackingNames.Requirements);

            // Scope catalog.
            var attributeScopes = declarations
                .Where(static d => !d.Scopes.IsEmpty)
                .Select(static (d, _) => d.Scopes)
                .WithTrackingName(TrackingNames.ApiScopeAttributes)
                .Collect();

            var fileScopes = context.AdditionalTextsProvider
                .Where(static file => ScopeCatalogFile.IsCatalogPath(file.Path))
                .Select(static (file, ct) => ScopeCatalogParser.FromFile(file, ct))
                .WithTrackingName(TrackingNames.ScopeCatalogFiles)
                .Collect();

            var rootNamespace = context.AnalyzerConfigOptionsProvider
                .Select(static (options, ct) => ScopeCatalogParser.RootNamespace(options, ct))
                .WithTrackingName(TrackingNames.RootNamespace);

            var scopes = attributeScopes
                .Combine(fileScopes)
                .Combine(rootNamespace)
                .Select(static (p, _) => ScopeCatalogParser.Merge(p.Right, p.Left.Left, p.Left.Right))
                .WithTrackingName(TrackingNames.ScopesFile);

            context.RegisterSourceOutput(scopes, static (spc, spec) =>
            {
                if (!spec.Scopes.IsEmpty)
                {
                    spc.AddSource(ScopesEmitter.HintName, ScopesEmitter.Emit(spec));
                }
            });

            // Requirements naming the generated Scopes constants, resolved with the names ScopesEmitter writes.
            var resolvedRequirements = requirements
                .Combine(scopes)
                .Select(static (p, _) => ScopeConstantParser.Resolve(p.Left, p.Right))
                .WithTrackingName(TrackingNames.ResolvedRequirements);

            var checksFile = resolvedRequirements
                .Combine(tokenForChecks)
                .WithTrackingName(TrackingNames.ChecksFile);

            context.RegisterSourceOutput(checksFile, static (spc, pair) =>
            {
                if (!pair.Left.IsEmpty)
                {
                    spc.AddSource(CheckEmitter.HintName, CheckEmitter.Emit(pair.Left, pair.Right));
                }
            });
        }
    }
}
