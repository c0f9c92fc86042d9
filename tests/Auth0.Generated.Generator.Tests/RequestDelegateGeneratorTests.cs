using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Auth0.Generated.Tests.Shared;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Auth0.Generated.Generator.Tests;

/// <summary>
/// With ASP.NET Core's Request Delegate Generator on (what <c>PublishAot</c> turns on), both generators run on the same
/// minimal API: ours intercepts nothing, RDG intercepts the Map* calls and binds the token through <c>BindAsync</c>.
/// Neither sees the other's output, so what RDG needs to know about <c>Token</c> (its base class, the
/// <c>IBindableFromHttpContext</c> interface) must stand in the user's own declaration.
/// </summary>
public class RequestDelegateGeneratorTests
{
    [Fact]
    public void Runs_alongside_the_request_delegate_generator()
    {
        const string source = """
            using Auth0.Generated;
            using Microsoft.AspNetCore.Builder;

            namespace App;

            [Auth0Token]
            public partial class Token : AccessToken
            {
                public partial string? Tier { get; }
            }

            public static class Program
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/tier", [RequireScopes("read:messages")] (Token token) => token.Tier ?? "none");
                    app.MapGet("/admin", Admin);
                }

                [ClaimEquals("tier", "gold")]
                private static string Admin(Token token) => "ok";
            }
            """;
        var (output, results) = RunWithRequestDelegateGenerator(source);
        AssertCompiles(output);

        var rdgSources = results.Where(r => r.Generator.GetGeneratorType() != typeof(Auth0Generator)).SelectMany(r => r.GeneratedSources).ToList();
        var rdgText = string.Concat(rdgSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("InterceptsLocation", rdgText, StringComparison.Ordinal);
        Assert.Contains("BindAsync", rdgText, StringComparison.Ordinal);
        var ours = results.Single(r => r.Generator.GetGeneratorType() == typeof(Auth0Generator)).GeneratedSources;
        Assert.DoesNotContain(ours, s => s.SourceText.ToString().Contains("InterceptsLocation", StringComparison.Ordinal));
        Assert.Contains(ours, s => s.HintName == "Auth0.Generated.Checks.g.cs");
    }

    /// <summary>Every way README.md and docs/runtime.md show to reach the token, each a route (<c>/p0</c>, <c>/p1</c>, ...).</summary>
    private static readonly string[] DocumentedAccessPatterns =
    [
        """app.MapGet("/p0", [Authorize] (Token token) => $"Hello {token.Sub}")""",
        """app.MapGet("/p1", [RequireScopes("read:messages")] (Token token) => token.Tier)""",
        """app.MapGet("/p2", (Token token) => token.Sub)""",
        """app.MapGet("/p3", (Token token) => token.Scopes)""",
        """app.MapGet("/p4", (HttpContext context) => context.GetAccessToken<Token>()!.Sub)""",
        """app.MapGet("/p5", (HttpContext context) => context.GetAccessToken<Token>()?.Tier)""",
        """app.MapGet("/p6", (HttpContext context) => context.GetAccessToken()!.Sub)""",
        """app.MapGet("/p7", async (HttpContext context) => { await Task.Yield(); return context.GetAccessToken<Token>()!.Audiences; })""",
        """app.MapGet("/p8", [ClaimCheck(typeof(Checks), nameof(Checks.IsPremium), Message = "Premium tier required")] (Token token) => $"tier {token.Tier}")""",
        """app.MapGet("/p9", () => "ok").RequireClaimCheck<RouteHandlerBuilder, Token>(token => token.Tier == "gold")""",
        """app.MapGet("/p10", Handlers.Subject)""",
        """app.MapGroup("/api").RequireScopes("read:messages").MapGet("/p11", (Token token) => token.Expires)""",
    ];

    public static TheoryData<int> Patterns() => new(Enumerable.Range(0, DocumentedAccessPatterns.Length));

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Every_documented_access_pattern_compiles_with_the_request_delegate_generator(int pattern)
    {
        var (output, results) = RunWithRequestDelegateGenerator(App(" : AccessToken, IBindableFromHttpContext<Token>", DocumentedAccessPatterns[pattern]));
        AssertCompiles(output);

        // RDG really wrote the endpoint (it skips, silently, what it cannot handle).
        var rdgText = string.Concat(results.Where(r => r.Generator.GetGeneratorType() != typeof(Auth0Generator))
            .SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()));
        Assert.Single(Regex.Matches(rdgText, @"\[global::System\.Runtime\.CompilerServices\.InterceptsLocationAttribute\("));
    }

    [Fact]
    public void Without_the_base_class_in_the_users_declaration_the_request_delegate_generator_writes_code_that_does_not_compile()
    {
        // What A0G310 prevents: RDG cannot see that Token derives from AccessToken (only our generated half says so), so
        // a handler returning an inherited member has no type RDG can name. If this ever compiles, RDG learned to cope.
        var (output, _) = RunWithRequestDelegateGenerator(App(" : IBindableFromHttpContext<Token>", DocumentedAccessPatterns[2]));
        Assert.Contains(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error
            && d.Location.SourceTree?.FilePath.Contains("RequestDelegateGenerator", StringComparison.Ordinal) == true);
    }

    private static string App(string tokenBases, string endpoint) => $$"""
        using System.Threading.Tasks;
        using Auth0.Generated;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        namespace App;

        [Auth0Token]
        public partial class Token{{tokenBases}}
        {
            public partial string? Tier { get; }
        }

        public static class Checks
        {
            public static bool IsPremium(Token token) => token.Tier == "premium";
        }

        public static class Handlers
        {
            public static string Subject(Token token) => token.Sub ?? "anonymous";
        }

        public static class Program
        {
            public static void Map(WebApplication app)
            {
                {{endpoint}};
            }
        }
        """;

    private static void AssertCompiles(Compilation output)
    {
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Runs our generator and RDG side by side on one compilation, as the compiler does under PublishAot.</summary>
    private static (Compilation Output, ImmutableArray<GeneratorRunResult> Results) RunWithRequestDelegateGenerator(string source)
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithFeatures([new("InterceptorsNamespaces", "Microsoft.AspNetCore.Http.Generated")]);
        var compilation = CSharpCompilation.Create(
            "RdgApp",
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: "Program.cs")],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var rdg = new AnalyzerFileReference(ReferencePacks.RequestDelegateGeneratorPath(), new Loader()).GetGenerators(LanguageNames.CSharp);
        Assert.NotEmpty(rdg);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new Auth0Generator().AsSourceGenerator(), .. rdg], parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return (output, driver.GetRunResult().Results);
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
