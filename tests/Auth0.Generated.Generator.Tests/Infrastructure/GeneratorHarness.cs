using System.Collections;
using System.Collections.Immutable;
using System.Text;
using Auth0.Generated.Tests.Shared;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Auth0.Generated.Generator.Tests.Infrastructure;

/// <summary>Runs the generator on source text against real reference assemblies and checks what STYLE.md asks of every run.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp13);

    public static ImmutableArray<MetadataReference> References => ReferencePacks.All;

    public static CSharpCompilation Compile(string source, string assemblyName = "TestApp", MetadataReference? extraReference = null)
        => CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Program.cs")],
            extraReference is null ? References : References.Add(extraReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<(string Path, string Text)>? additionalFiles = null, string? rootNamespace = null)
        => CreateDriver((additionalFiles ?? []).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), rootNamespace);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, string? rootNamespace = null)
    {
        var options = new InMemoryOptionsProvider(rootNamespace is null
            ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", rootNamespace));
        return CSharpGeneratorDriver.Create(
            [new Auth0Generator().AsSourceGenerator()],
            [.. texts],
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>
    /// Runs the generator, asserts the output compiles with no warnings, that a rerun on a cloned compilation is entirely
    /// cached, and that no step output holds a symbol or syntax; returns the run for further checks.
    /// </summary>
    public static GeneratorRunResult Run(
        string source,
        IEnumerable<(string Path, string Text)>? additionalFiles = null,
        string? rootNamespace = null,
        bool expectCleanCompile = true,
        MetadataReference? extraReference = null)
    {
        var compilation = Compile(source, extraReference: extraReference);
        var driver = CreateDriver(additionalFiles, rootNamespace).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);

        if (expectCleanCompile)
        {
            var problems = output.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .Select(d => d.ToString())
                .ToList();
            Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
        }

        AssertNoSymbolsInModels(result);

        var rerun = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();
        AssertAllCached(rerun);
        return result;
    }

    public static void AssertAllCached(GeneratorRunResult result)
    {
        foreach (var (name, steps) in result.TrackedSteps)
        {
            if (!TrackingNames.All.Contains(name))
            {
                continue; // Roslyn's own input steps (Compilation) change with every new compilation object
            }

            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' was {reason} on an identical compilation.");
                }
            }
        }
    }

    /// <summary>The run reasons of a named step's outputs.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string stepName)
        => result.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList()
            : [];

    /// <summary>Fails when any tracked step output holds a symbol, syntax, location, semantic model or compilation.</summary>
    public static void AssertNoSymbolsInModels(GeneratorRunResult result)
    {
        foreach (var (name, steps) in result.TrackedSteps)
        {
            if (!TrackingNames.All.Contains(name))
            {
                continue; // Roslyn's own steps legitimately hold compilations and trees
            }

            foreach (var step in steps)
            {
                foreach (var (value, _) in step.Outputs)
                {
                    Walk(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
                }
            }
        }
    }

    private static void Walk(object? value, string step, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 20)
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxToken or Location or SemanticModel or Compilation or SyntaxTree,
            $"Step '{step}' output holds a {value.GetType().Name}: models must hold only equatable data.");
        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                Walk(item, step, seen, depth + 1);
            }
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), step, seen, depth + 1);
            }
        }
    }

    /// <summary>The keys the generated checks file registers (the first argument of each <c>RegisterCheck</c> call), in order.</summary>
    public static string[] RegisteredKeys(GeneratorRunResult result)
    {
        var checks = result.GeneratedSources.Single(s => s.HintName == "Auth0.Generated.Checks.g.cs").SyntaxTree;
        return [.. checks.GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>()
            .Where(i => i.Expression.ToString().EndsWith("RegisterCheck", StringComparison.Ordinal))
            .Select(i => (string)((Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)i.ArgumentList.Arguments[0].Expression).Token.Value!)];
    }

    /// <summary>All generated sources, each under a <c>// ==== hint ====</c> line, in hint-name order.</summary>
    public static string GeneratedText(GeneratorRunResult result)
    {
        var builder = new StringBuilder();
        foreach (var source in result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            builder.Append("// ==== ").Append(source.HintName).Append(" ====\n");
            builder.Append(source.SourceText.ToString());
            if (builder[^1] != '\n')
            {
                builder.Append('\n');
            }
        }

        return builder.ToString();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }

    private sealed class InMemoryOptionsProvider(ImmutableDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ImmutableDictionary<string, string>.Empty);

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
