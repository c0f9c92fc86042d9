using Xunit.Abstractions;

namespace Auth0.Generated.Analyzers.Tests;

/// <summary>
/// Precision and recall of the rules on by default (A0G001, A0G004) over the applications in Corpus/, against the
/// `// unprotected` markers (see Corpus/README.md). Every reported line must be marked (no false positive); recall may
/// not drop below what the analysis reaches today (the misses are the patterns A0G003 documents as unknown).
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private const string Marker = "// unprotected";

    private static readonly string[] EndpointCalls = { ".MapGet(", ".MapPost(", ".MapPut(", ".MapDelete(", ".MapPatch(", ".MapHub<" };

    [Fact]
    public async Task Precision_and_recall_over_the_corpus()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Corpus");
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, endpoints = 0;
        var misses = new List<string>();
        foreach (var app in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(app);
            var files = Directory.GetFiles(app, "*.cs", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path: name + "/" + Path.GetRelativePath(app, f).Replace('\\', '/'), Source: File.ReadAllText(f)))
                .ToList();

            var compilation = AppCompilation.Create(files);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));

            var diagnostics = await compilation.WithEndpointAnalyzer().GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var reported = diagnostics
                .Where(d => d.Id is DiagnosticIds.UnprotectedRoute or DiagnosticIds.UnprotectedThroughCallSite)
                .Select(d => d.Location.GetLineSpan())
                .Select(l => l.Path + ":" + (l.StartLinePosition.Line + 1))
                .ToHashSet(StringComparer.Ordinal);

            var truth = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, source) in files)
            {
                var lines = source.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].TrimEnd('\r').EndsWith(Marker, StringComparison.Ordinal))
                    {
                        truth.Add(path + ":" + (i + 1));
                    }

                    endpoints += CountEndpoints(lines[i]);
                }
            }

            var tp = reported.Count(truth.Contains);
            var fp = reported.Where(r => !truth.Contains(r)).OrderBy(r => r, StringComparer.Ordinal).ToList();
            var fn = truth.Where(t => !reported.Contains(t)).OrderBy(t => t, StringComparer.Ordinal).ToList();
            truePositives += tp;
            falsePositives += fp.Count;
            falseNegatives += fn.Count;
            misses.AddRange(fn);
            output.WriteLine($"{name}: {truth.Count} unprotected, {tp} found, {fp.Count} false positives {string.Join(" ", fp)}, missed {string.Join(" ", fn)}");
        }

        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        output.WriteLine($"corpus: ~{endpoints} endpoints and actions, {truePositives + falseNegatives} unprotected; found {truePositives}, {falsePositives} false positives, {falseNegatives} missed");
        output.WriteLine($"precision {precision:P1}, recall {recall:P1}");

        Assert.Equal(0, falsePositives);
        Assert.True(recall >= 1.0, $"recall {recall:P1}; missed: {string.Join(", ", misses)}");
    }

    /// <summary>A rough count for the summary line: Map* endpoint calls and public controller methods.</summary>
    private static int CountEndpoints(string line)
    {
        var trimmed = line.Trim();
        var maps = EndpointCalls.Count(m => trimmed.Contains(m, StringComparison.Ordinal));
        var action = trimmed.StartsWith("public IActionResult ", StringComparison.Ordinal) || trimmed.StartsWith("public virtual IActionResult ", StringComparison.Ordinal)
            || (trimmed.StartsWith("public string ", StringComparison.Ordinal) && trimmed.Contains("=>", StringComparison.Ordinal));
        return maps + (action ? 1 : 0);
    }
}
