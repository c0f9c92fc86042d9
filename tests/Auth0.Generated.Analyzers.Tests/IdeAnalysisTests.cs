namespace Auth0.Generated.Analyzers.Tests;

/// <summary>
/// Which diagnostics appear live while editing (the IDE analyzes an open document with
/// <see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, Microsoft.CodeAnalysis.Text.TextSpan?, CancellationToken)"/>,
/// which runs no compilation-end action) and which only on build or with full-solution analysis; and that A0G003 is off
/// unless the project enables it.
/// </summary>
public class IdeAnalysisTests
{
    private const string Usings = "using Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Routing;\n";

    private static readonly (string, string)[] Files =
    {
        ("Program.cs", Usings + """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/live", () => "ok");
            app.MapCatalogApi();
            app.Run();
            """),
        ("CatalogApi.cs", Usings + """
            public static class CatalogApi
            {
                private static RouteGroupBuilder? _stored;

                public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
                {
                    app.MapGroup("/catalog").MapGet("/items", () => "items");
                    _stored = app.MapGroup("/stored");
                    _stored.RequireCors("site"); // a use besides mapping: protection through the field stays unknown
                    _stored.MapGet("/", () => "unknown");
                    return app;
                }
            }
            """),
    };

    [Fact]
    public async Task A0G001_is_live_in_the_open_document_and_A0G004_only_in_a_full_analysis()
    {
        var compilation = AppCompilation.Create(Files);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var withAnalyzers = compilation.WithEndpointAnalyzer();

        var live = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            live.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None));
        }

        var full = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Equal("A0G001 Program.cs", string.Join(", ", live.Select(Describe)));
        Assert.Equal("A0G001 Program.cs, A0G004 CatalogApi.cs", string.Join(", ", full.Select(Describe).OrderBy(d => d, System.StringComparer.Ordinal)));

        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, Descriptors.UnprotectedRoute.CustomTags);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, Descriptors.UnprotectedThroughCallSite.CustomTags);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, Descriptors.ProtectionNotEstablished.CustomTags);
    }

    [Fact]
    public async Task A0G003_is_off_by_default_and_reported_when_the_project_enables_it()
    {
        var byDefault = await AppCompilation.Create(Files).WithEndpointAnalyzer().GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(byDefault, d => d.Id == DiagnosticIds.ProtectionNotEstablished);

        var enabled = ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(DiagnosticIds.ProtectionNotEstablished, ReportDiagnostic.Warn);
        var optedIn = await AppCompilation.Create(Files, enabled).WithEndpointAnalyzer().GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var unknown = Assert.Single(optedIn, d => d.Id == DiagnosticIds.ProtectionNotEstablished);
        Assert.Equal("CatalogApi.cs", unknown.Location.GetLineSpan().Path);
        Assert.Contains(UnknownReasons.MemberUsedOtherwise, unknown.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    private static string Describe(Diagnostic diagnostic) => diagnostic.Id + " " + diagnostic.Location.GetLineSpan().Path;
}
