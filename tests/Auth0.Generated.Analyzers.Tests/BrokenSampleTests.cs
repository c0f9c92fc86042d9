using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Auth0.Generated.Analyzers.Tests;

/// <summary>
/// BrokenSample/Program.cs marks every line that must fire with a trailing <c>// A0Gxxx</c> comment. The test compiles it
/// with all analyzers and requires: every marker fires on its line, nothing fires elsewhere, and every id we ship
/// appears at least once (the broken catalog file supplies A0G105; the opt-in A0G003 is enabled). The sample is analyzed as a PublishAot project (the
/// Request Delegate Generator on), which A0G309 needs.
/// </summary>
public class BrokenSampleTests
{
    /// <summary>The opt-in rules, enabled as a project enables them in .editorconfig.</summary>
    private static readonly ImmutableDictionary<string, ReportDiagnostic> OptedIn =
        ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(DiagnosticIds.ProtectionNotEstablished, ReportDiagnostic.Warn);

    private static readonly Regex Marker = new(@"//\s*((?:A0G\d{3}\s*)+)$", RegexOptions.CultureInvariant);

    [Fact]
    public async Task Every_rule_fires_on_its_marked_line_and_nowhere_else()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "BrokenSample");
        var sourcePath = Path.Combine(directory, "Program.cs");
        var catalogPath = Path.Combine(directory, "broken.auth0-scopes.json");
        var source = await File.ReadAllTextAsync(sourcePath);

        var diagnostics = await AnalyzeAsync(source, sourcePath, catalogPath);

        var expected = new SortedSet<string>(StringComparer.Ordinal);
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Marker.Match(lines[i].TrimEnd('\r'));
            if (match.Success)
            {
                foreach (var id in match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    expected.Add($"{Path.GetFileName(sourcePath)}:{i + 1}:{id}");
                }
            }
        }

        expected.Add($"{Path.GetFileName(catalogPath)}:3:{DiagnosticIds.InvalidScopeCatalog}");

        var actual = new SortedSet<string>(
            diagnostics.Select(d => $"{Path.GetFileName(d.Location.GetLineSpan().Path)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}:{d.Id}"),
            StringComparer.Ordinal);

        Assert.Equal(expected, actual);

        var allIds = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Equal(allIds.OrderBy(x => x, StringComparer.Ordinal), actual.Select(a => a.Split(':')[2]).Distinct().OrderBy(x => x, StringComparer.Ordinal));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string sourcePath, string catalogPath)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "BrokenSample",
            [CSharpSyntaxTree.ParseText(source, parseOptions, sourcePath)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(OptedIn));

        // As the compiler does: the generator completes the sample, then the analyzers run on the result. Every rule's
        // mistake still compiles (the generator implements even an unsupported claim property), so there is no error.
        var catalog = new FileText(catalogPath, await File.ReadAllTextAsync(catalogPath));
        var optionsProvider = new PublishAotOptionsProvider();
        CSharpGeneratorDriver.Create([new Generator.Auth0Generator().AsSourceGenerator()], [catalog], parseOptions, optionsProvider)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var errors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new EndpointProtectionAnalyzer(), new RequirementAnalyzer(), new TokenAnalyzer(), new DPoPAnalyzer());
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(catalog), optionsProvider);
        var withAnalyzers = generated.WithAnalyzers(analyzers, options);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    /// <summary>The options of a project with <c>&lt;PublishAot&gt;true&lt;/PublishAot&gt;</c> and no .editorconfig.</summary>
    private sealed class PublishAotOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions None = new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty.Add("build_property.PublishAot", "true"));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }

    private sealed class FileText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
