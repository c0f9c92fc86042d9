using System.Reflection;

namespace Auth0.Generated.Analyzers.Tests;

/// <summary>Every id has one descriptor, a docs page with the four sections, a help link to it, and a release-tracking row.</summary>
public class DescriptorTests
{
    public static IEnumerable<object[]> Ids()
        => typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => new object[] { (string)f.GetRawConstantValue()! });

    private static readonly DiagnosticDescriptor[] AllDescriptors = new DiagnosticAnalyzer[]
        {
            new EndpointProtectionAnalyzer(), new RequirementAnalyzer(), new TokenAnalyzer(), new DPoPAnalyzer(),
        }
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .ToArray();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_is_reported_by_an_analyzer_and_documented(string id)
    {
        var descriptor = Assert.Single(AllDescriptors, d => d.Id == id);
        Assert.Matches("^A0G[0-4][0-9]{2}$", id);
        Assert.Equal($"https://github.com/auth0-generated/Auth0.Generated/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);

        var root = RepoRoot();
        var page = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", page, StringComparison.Ordinal);
        Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", page, StringComparison.Ordinal);
        Assert.Contains($"| Category | `{descriptor.Category}` |", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it catches", "## Why", "## How to fix", "## How to suppress" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }

        var releases = File.ReadAllText(Path.Combine(root, "src", "Analyzers", "Auth0.Generated.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {(descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled")} |", releases, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_descriptor_has_a_constant_id()
        => Assert.Equal(
            Ids().Select(i => (string)i[0]).OrderBy(i => i, StringComparer.Ordinal),
            AllDescriptors.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Auth0.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
