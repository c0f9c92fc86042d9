using Microsoft.CodeAnalysis.CSharp;

namespace Auth0.Generated.Analyzers.Tests.Infrastructure;

/// <summary>
/// A whole application (several files, top-level Program.cs) compiled with the shared references, for tests that drive the
/// analyzer host directly (<see cref="CompilationWithAnalyzers"/>) the way the build and the IDE do.
/// </summary>
internal static class AppCompilation
{
    public static CSharpCompilation Create(IEnumerable<(string Path, string Source)> files, ImmutableDictionary<string, ReportDiagnostic>? options = null)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, parse, f.Path)).ToList();
        return CSharpCompilation.Create(
            "App",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(options ?? ImmutableDictionary<string, ReportDiagnostic>.Empty));
    }

    public static CompilationWithAnalyzers WithEndpointAnalyzer(this Compilation compilation)
        => compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new EndpointProtectionAnalyzer()));
}
