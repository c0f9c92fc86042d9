using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Auth0.Generated.Analyzers.Tests.Infrastructure;

/// <summary>
/// Analyzer and code fix test with the shared references, the usual usings, and (until the runtime ships them) a
/// stub of the runtime's endpoint conventions in namespace Auth0.Generated.
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

    /// <summary>The shapes of the conventions the runtime adds (matched by name and namespace by the analyzers).</summary>
    public const string ConventionStub = """
        namespace Auth0.Generated
        {
            using Microsoft.AspNetCore.Builder;

            public static class TestConventionStubs
            {
                public static TBuilder RequireScopes<TBuilder>(this TBuilder builder, params string[] scopes) where TBuilder : IEndpointConventionBuilder => builder;
                public static TBuilder RequireAnyScope<TBuilder>(this TBuilder builder, params string[] scopes) where TBuilder : IEndpointConventionBuilder => builder;
                public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder => builder;
                public static TBuilder RequireClaimEquals<TBuilder>(this TBuilder builder, string claim, string value) where TBuilder : IEndpointConventionBuilder => builder;
                public static TBuilder RequireClaimEquals<TBuilder>(this TBuilder builder, string claim, bool value) where TBuilder : IEndpointConventionBuilder => builder;
                public static TBuilder RequireClaimEquals<TBuilder>(this TBuilder builder, string claim, long value) where TBuilder : IEndpointConventionBuilder => builder;
                public static TBuilder RequireClaimEquals<TBuilder>(this TBuilder builder, string claim, double value) where TBuilder : IEndpointConventionBuilder => builder;
                public static TBuilder RequireClaimIncludes<TBuilder>(this TBuilder builder, string claim, params string[] values) where TBuilder : IEndpointConventionBuilder => builder;
            }
        }
        """;

    private readonly bool _usings;

    public Test(string source, bool topLevel = false, bool usings = true)
    {
        _usings = usings;
        TestState.ReferenceAssemblies = TestReferences.Empty;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        TestState.Sources.Add(("/0/Test0.cs", (usings ? Usings : string.Empty) + source));
        if (!TestReferences.RuntimeHasConventions)
        {
            TestState.Sources.Add(("/0/Conventions.cs", ConventionStub));
        }

        TestState.OutputKind = topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
    }

    /// <summary>Sets the expected source after the fix (with the same usings prepended).</summary>
    public Test<TAnalyzer, TCodeFix> Fixed(string source, int? codeActionIndex = null)
    {
        FixedState.Sources.Add(("/0/Test0.cs", (_usings ? Usings : string.Empty) + source));
        if (!TestReferences.RuntimeHasConventions)
        {
            FixedState.Sources.Add(("/0/Conventions.cs", ConventionStub));
        }

        CodeActionIndex = codeActionIndex;
        return this;
    }

    /// <summary>Token tests: the generator is not part of these tests, so partial properties have no implementing part (CS9248).</summary>
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
