using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Auth0.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Auth0.Generated.Generator.Tests;

/// <summary>
/// With ASP.NET Core's Request Delegate Generator on (what <c>PublishAot</c> turns on), both generators run on the same
/// minimal API: ours intercepts nothing, RDG intercepts the Map* calls and binds the token through <c>BindAsync</c>.
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
            public partial class Token
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
        var parseOptions = GeneratorHarness.ParseOptions.WithFeatures([new("InterceptorsNamespaces", "Microsoft.AspNetCore.Http.Generated")]);
        var compilation = CSharpCompilation.Create(
            "RdgApp",
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: "Program.cs")],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var rdg = new AnalyzerFileReference(RequestDelegateGeneratorPath(), new Loader()).GetGenerators(LanguageNames.CSharp);
        Assert.NotEmpty(rdg);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new Auth0Generator().AsSourceGenerator(), .. rdg],
            parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var results = driver.GetRunResult().Results;
        var rdgSources = results.Where(r => r.Generator.GetGeneratorType() != typeof(Auth0Generator)).SelectMany(r => r.GeneratedSources).ToList();
        var rdgText = string.Concat(rdgSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("InterceptsLocation", rdgText, StringComparison.Ordinal);
        Assert.Contains("BindAsync", rdgText, StringComparison.Ordinal);
        var ours = results.Single(r => r.Generator.GetGeneratorType() == typeof(Auth0Generator)).GeneratedSources;
        Assert.DoesNotContain(ours, s => s.SourceText.ToString().Contains("InterceptsLocation", StringComparison.Ordinal));
        Assert.Contains(ours, s => s.HintName == "Auth0.Generated.Checks.g.cs");
    }

    private static string RequestDelegateGeneratorPath()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        return Directory.GetFiles(Path.Combine(dotnetRoot, "packs", "Microsoft.AspNetCore.App.Ref"), "Microsoft.AspNetCore.Http.RequestDelegateGenerator.dll", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Last();
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
