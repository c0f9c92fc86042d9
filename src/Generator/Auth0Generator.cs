using System.Collections.Immutable;
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
            // Token types.
            var tokens = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    WellKnownNames.Auth0TokenAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (ctx, ct) => TokenParser.Parse(ctx, ct))
                .Where(static t => t is not null)
                .Select(static (t, _) => t!)
                .WithTrackingName(TrackingNames.Token);

            context.RegisterSourceOutput(tokens, static (spc, token) => spc.AddSource(TokenEmitter.HintName(token), TokenEmitter.Emit(token)));

            var tokenForChecks = tokens.Collect()
                .Select(static (all, _) => all.Length == 1 ? all[0] : null)
                .WithTrackingName(TrackingNames.Tokens);

            // Requirements: one FAWMN per requirement kind's attribute (RequirementKinds), anywhere an attribute can stand
            // (methods, local functions, lambdas, classes), each step named after the attribute.
            IncrementalValueProvider<ImmutableArray<RequirementSpec>>? attributes = null;
            foreach (var info in RequirementKinds.All)
            {
                var kind = info.Kind;
                var declared = context.SyntaxProvider
                    .ForAttributeWithMetadataName(info.AttributeMetadataName, static (_, _) => true, (ctx, ct) => RequirementParser.FromAttributes(ctx, kind, ct))
                    .Where(static specs => !specs.IsEmpty)
                    .WithTrackingName(TrackingNames.Attribute(info))
                    .Collect()
                    .Select(static (all, _) => all.SelectMany(static a => a).ToImmutableArray());
                attributes = attributes is { } previous
                    ? previous.Combine(declared).Select(static (p, _) => p.Left.AddRange(p.Right))
                    : declared;
            }

            // Conventions: `.RequireScopes("a")` and friends on endpoint builders, with constant arguments.
            var conventions = context.SyntaxProvider
                .CreateSyntaxProvider(ConventionParser.IsCandidate, static (ctx, ct) => ConventionParser.Parse(ctx, ct))
                .Where(static r => r is not null)
                .Select(static (r, _) => r!)
                .WithTrackingName(TrackingNames.Conventions)
                .Collect();

            var requirements = attributes!.Value
                .Combine(conventions)
                .Select(static (p, _) => RequirementParser.Distinct(p.Left.Concat(p.Right)))
                .WithTrackingName(TrackingNames.Requirements);

            // Scope catalog.
            var attributeScopes = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    WellKnownNames.ApiScopeAttribute,
                    static (node, _) => node is CompilationUnitSyntax,
                    static (ctx, ct) => ScopeCatalogParser.FromAttributes(ctx, ct))
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
