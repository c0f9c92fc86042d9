using Auth0.Generated.Generator;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;

namespace Auth0.Generated.Analyzers.Tests.Infrastructure;

/// <summary>
/// Analyzer and code fix test with the shared references and the usual usings, run as the compiler runs them: the
/// generator (<see cref="Auth0Generator"/>) completes the source first, so the analyzers see generated code and every
/// compiler error in the test source is a real one (as Immediate.Apis' generator-aware analyzer tests do). The generated
/// sources themselves are the generator tests' business (baselines), so they are not compared here.
/// </summary>
internal sealed class Test<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Auth0.Generated;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private readonly bool _usings;

    public Test(string source, bool topLevel = false, bool usings = true)
    {
        _usings = usings;
        TestState.ReferenceAssemblies = TestReferences.Empty;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        TestState.Sources.Add(("/0/Test0.cs", (usings ? Usings : string.Empty) + source));
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        TestState.OutputKind = topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
    }

    /// <summary>Sets the expected source after the fix (with the same usings prepended).</summary>
    public Test<TAnalyzer, TCodeFix> Fixed(string source, int? codeActionIndex = null)
    {
        FixedState.Sources.Add(("/0/Test0.cs", (_usings ? Usings : string.Empty) + source));

        CodeActionIndex = codeActionIndex;
        return this;
    }

    /// <summary>
    /// Ignores compiler errors: only for a test about source that cannot compile whatever the generator does (an
    /// abstract token's partial properties have no implementation, CS9248). The generator runs in every test, so
    /// claim properties of a supported token compile and need no such switch.
    /// </summary>
    public Test<TAnalyzer, TCodeFix> WithoutCompilerErrors()
    {
        CompilerDiagnostics = CompilerDiagnostics.None;
        return this;
    }

    public Test<TAnalyzer, TCodeFix> WithCatalogFile(string json, string path = "/0/auth0-scopes.json")
    {
        TestState.AdditionalFiles.Add((path, json));
        return this;
    }

    public Test<TAnalyzer, TCodeFix> Expect(params DiagnosticResult[] diagnostics)
    {
        ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    public Task RunAsync() => RunAsync(CancellationToken.None);

    protected override IEnumerable<Type> GetSourceGenerators() => [typeof(Auth0Generator)];
}

internal static class Verify
{
    public static Test<TAnalyzer, EmptyCodeFixProvider> Analyzer<TAnalyzer>(string source, bool topLevel = false)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => new(source, topLevel);

    public static Test<TAnalyzer, TCodeFix> CodeFix<TAnalyzer, TCodeFix>(string source, bool topLevel = false, bool usings = true)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
        => new(source, topLevel, usings);
}
